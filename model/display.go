package model

// Currency is the profile's currency label, for display.
func (s *State) Currency() string { return s.Profile.Currency }
