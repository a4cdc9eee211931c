package cli

import (
	"mutual/model"
	"mutual/profiles"
	"mutual/views"
)

// This file is the dashboard's side of the editing keys: the Ratings
// form (i), the Stage picker (t) and the New opportunity form (a) write
// through the very profiles functions 'mutual rate', 'mutual stage' and
// 'mutual add' call, and u undoes the last of those writes while the
// file still holds what it wrote.

// editHooks adds the editing hooks to h.
func (lp *liveProfile) editHooks(h *views.Hooks) {
	h.Rate, h.Stage, h.Add, h.Undo = lp.rate, lp.stage, lp.add, lp.undo
}

// rate writes the Ratings form of the opportunity called name: by its
// name, so that a file changed on disk since it was loaded (another
// opportunity inserted above it) still has the ratings land on it.
func (lp *liveProfile) rate(name string, ratings []model.RatingValue) (*model.Profile, string, error) {
	return lp.wrote(profiles.SetRatings(lp.s.loaded, name, ratings...))
}

// stage moves the opportunity called name, on the dashboard's today.
func (lp *liveProfile) stage(name string, st model.Stage) (*model.Profile, string, error) {
	return lp.wrote(profiles.SetStage(lp.s.loaded, name, st, lp.s.request.Today))
}

// add appends the New opportunity form's opportunity.
func (lp *liveProfile) add(o model.Opportunity) (*model.Profile, string, error) {
	return lp.wrote(profiles.AddOpportunities(lp.s.loaded, []model.Opportunity{o}))
}

// undo puts the file the last write changed back as it was.
func (lp *liveProfile) undo() (*model.Profile, string, error) {
	if lp.lastWrite == nil {
		return nil, "", nil
	}
	saved, err := profiles.Undo(lp.s.loaded, lp.lastWrite)
	if err != nil {
		return nil, "", err
	}
	lp.lastWrite = nil
	lp.adopt(saved.Loaded)
	return &saved.Loaded.Profile, lp.short(saved.File), nil
}

// wrote adopts what a write saved and keeps it for undo; a write that
// found nothing to change (nil) leaves everything as it was.
func (lp *liveProfile) wrote(saved *profiles.Saved, err error) (*model.Profile, string, error) {
	if err != nil || saved == nil {
		return nil, "", err
	}
	lp.lastWrite = saved
	lp.adopt(saved.Loaded)
	return &saved.Loaded.Profile, lp.short(savedWhere(saved)), nil
}
