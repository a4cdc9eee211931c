package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"slices"
	"testing"
)

// randomMarketProfile is randomDecideProfile with what moves the market:
// a deal-breaker on the first priority (a rating of 1 vetoes) half the
// time, some pay not given, and processes whose chance is often low.
func randomMarketProfile(r *rand.Rand) *Profile {
	p := randomDecideProfile(r)
	if r.IntN(2) == 0 {
		p.Priorities[0].AtLeast = 2
	}
	for k := range p.Opportunities {
		o := &p.Opportunities[k]
		if r.IntN(4) == 0 {
			o.Pay = nil
		}
		if o.Stage != StageOffer && r.IntN(2) == 0 {
			c := r.Float64()
			o.Chance = Float(c * c * c)
		}
	}
	return p
}

// ratingEdit is one rating of one opportunity raised by one step.
type ratingEdit struct {
	opp      int
	priority string
}

// ratingEdits are every rating of p that can be raised by one step.
func ratingEdits(p *Profile) []ratingEdit {
	var out []ratingEdit
	for k, o := range p.Opportunities {
		ids := make([]string, 0, len(o.Ratings))
		for id, rt := range o.Ratings {
			if rt.High+1 <= float64(p.Scale) {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		for _, id := range ids {
			out = append(out, ratingEdit{k, id})
		}
	}
	return out
}

// raised is p with edit e made: the rating one step higher.
func raised(p *Profile, e ratingEdit) *Profile {
	q := *p
	q.Opportunities = slices.Clone(p.Opportunities)
	o := &q.Opportunities[e.opp]
	o.Ratings = map[string]Rating{}
	for id, rt := range p.Opportunities[e.opp].Ratings {
		o.Ratings[id] = rt
	}
	rt := o.Ratings[e.priority]
	o.Ratings[e.priority] = Rating{rt.Low + 1, rt.High + 1}
	return &q
}

// marketDrop is what one edit did: how far the verdict's value fell
// (points a month; negative for a rise) and the most any value of an
// offer other than the edited one fell.
type marketDrop struct {
	verdict, offer float64
	flipped        bool
	involved       bool
	e0, e1         OfferEstimate
}

func editDrop(t *testing.T, p *Profile, e ratingEdit) marketDrop {
	t.Helper()
	s0, err := Evaluate(p, Request{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	s1, err := Evaluate(raised(p, e), Request{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	d0, d1 := DecideBrief(s0), DecideBrief(s1)
	var m marketDrop
	v0, v1 := d0.Verdict, d1.Verdict
	m.involved = v0.Offer == e.opp || v0.WaitingFor == e.opp || v1.Offer == e.opp || v1.WaitingFor == e.opp
	m.verdict = d0.Flow(v0.Value) - d1.Flow(v1.Value)
	m.e0, m.e1 = d0.Estimate, d1.Estimate
	m.flipped = v0.Action != v1.Action || v0.Offer != v1.Offer
	for k := range d0.Offers {
		a, b := d0.Offers[k], d1.Offers[k]
		if a.Index == e.opp {
			continue
		}
		for _, pair := range [][2]float64{{a.Accept, b.Accept}, {a.Search, b.Search}, {a.Decline, b.Decline}, {a.Wait, b.Wait}} {
			if math.IsNaN(pair[0]) || math.IsNaN(pair[1]) {
				continue
			}
			m.offer = math.Max(m.offer, pair[0]-pair[1])
		}
	}
	return m
}

func TestMarketAuditPrint(t *testing.T) {
	r := rand.New(rand.NewPCG(61, 62))
	edits, lowered, verdictLowered, flips := 0, 0, 0, 0
	worst, worstVerdict := 0.0, 0.0
	for trial := 0; edits < 920; trial++ {
		p := randomMarketProfile(r)
		if v := os.Getenv("PRIOR"); v != "" {
			p.Search.MarketPrior, _ = strconv.ParseFloat(v, 64)
		}
		for _, e := range ratingEdits(p) {
			m := editDrop(t, p, e)
			edits++
			if os.Getenv("SHOW") == "2" && m.offer > 1e-6 {
				fmt.Printf("trial %d edit %+v offer drop %.4f verdict drop %.4f involved %v\n", trial, e, m.offer, m.verdict, m.involved)
			}
			if m.offer > 1e-6 {
				lowered++
				worst = math.Max(worst, m.offer)
			}
			if !m.involved {
				if m.verdict > 1e-6 {
					verdictLowered++
					worstVerdict = math.Max(worstVerdict, m.verdict)
				}
				if m.flipped {
					flips++
					if os.Getenv("SHOW") != "" {
						fmt.Printf("FLIP trial %d edit %+v drop %.3f\n", trial, e, m.verdict)
					}
				}
				if m.verdict > 1 && os.Getenv("SHOW") != "" {
					fmt.Printf("trial %d edit %+v drop %.3f  mean %.1f→%.1f sd %.1f→%.1f net %.0f→%.0f (%d→%d) unc %.2f→%.2f ins %.2f→%.2f n %d→%d\n", trial, e, m.verdict,
						m.e0.Mean, m.e1.Mean, m.e0.SD, m.e1.SD, m.e0.NetMonthly, m.e1.NetMonthly, m.e0.PayFrom, m.e1.PayFrom, m.e0.Uncovered, m.e1.Uncovered, m.e0.InsuredShare, m.e1.InsuredShare, len(m.e0.From), len(m.e1.From))
				}
			}
		}
	}
	fmt.Printf("edits %d: an offer's value lowered in %d (at most %.3f); verdict lowered in %d (at most %.3f), flipped %d\n",
		edits, lowered, worst, verdictLowered, worstVerdict, flips)
}

func TestKernelSumsAndMean(t *testing.T) {
	for _, sd := range []float64{3, 10, 20} {
		for _, k := range []int{0, 1, 30, 50, 99, 100} {
			probs := make([]float64, 101)
			addKernel(probs, k, kernelRho(sd), 1)
			sum, mean := 0.0, 0.0
			for j, q := range probs {
				sum += q
				mean += float64(j) * q
			}
			o := Offers{Values: make([]float64, 101), Probs: probs}
			for j := range o.Values {
				o.Values[j] = float64(j)
			}
			if math.Abs(sum-1) > 1e-9 || math.Abs(mean-float64(k)) > 1e-7 {
				t.Errorf("sd %v k %d: sum %v mean %v", sd, k, sum, mean)
			}
			if k == 50 && sd >= 5 && math.Abs(o.SD()-sd) > 1e-6 {
				t.Errorf("sd %v at 50: %v", sd, o.SD())
			}
		}
	}
}
