package profiles

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"mutual/model"
)

// This file reads the dated money: the [[income]] and [[cash]] blocks
// (see model.Ledger). Their keys are the tables below; an opportunity's
// signing bonus and costs are rows of model.OpportunityFields, read and
// written as every other key of the opportunity.

// incomeTable describes an [[income]] block.
var incomeTable = []keySpec{
	{key: "name", doc: "what it is; decide's words use it (\"the unemployment benefits stop on …\")", kind: kindText, def: "income"},
	{key: "monthly", doc: "the amount a month, 0 or more", kind: kindMoney, required: true},
	{key: "from", doc: "the first day paid, a TOML date; a day before today counts from today", kind: kindDate, defWords: "today"},
	{key: "until", doc: "the last day paid, a TOML date, not before from; an income paid until before today is left out", kind: kindDate, defWords: "no end"},
	{key: "ends_with_job", doc: "it stops when a job pays (unemployment benefits: true; a partner's help: false)", kind: kindBool, def: false},
}

// cashTable describes a [[cash]] block.
var cashTable = []keySpec{
	{key: "name", doc: "what it is, for the ledger and decide's words", kind: kindText, def: "cash"},
	{key: "amount", doc: "one sum: in when above 0 (severance, a tax refund), out when below (a move, a deposit)", kind: kindNumber,
		min: -model.MaxMoney, max: model.MaxMoney, required: true, hint: "an amount of money, in (+) or out (−)"},
	{key: "on", doc: "the day it comes or goes, a TOML date; one before today is in your savings already", kind: kindDate, required: true},
}

// rawIncome and rawCash are blocks read, with where they were written.
type rawIncome struct {
	in model.Income
	at Origin
}

type rawCash struct {
	c  model.CashItem
	at Origin
}

// ledgerBlocks reads the [[income]] or [[cash]] blocks at path.
func (w *walker) ledgerBlocks(path []string, v any) {
	tables, ok := w.tables(path, v)
	if !ok {
		return
	}
	for i, t := range tables {
		p := []string{path[0], strconv.Itoa(i)}
		if path[0] == "income" {
			w.income(p, t)
		} else {
			w.cash(p, t)
		}
	}
}

func (w *walker) income(path []string, t map[string]any) {
	r := rawIncome{in: model.Income{Name: "income"}, at: w.at(path...)}
	in := &r.in
	for _, k := range w.keys(path, t) {
		v := t[k]
		p := append(append([]string{}, path...), k)
		switch k {
		case "name":
			w.blockName(p, v, &in.Name)
		case "monthly":
			if f, ok := w.number(p, v); ok {
				switch {
				case f < 0:
					w.errAt(p, "monthly is what comes in, 0 or more; money that goes out once is a [[cash]] with a negative amount",
						"monthly = %s is negative", fmtNum(f))
				case f > model.MaxMoney:
					w.errAt(p, "check for extra digits", "monthly = %s is implausibly large", fmtNum(f))
				default:
					in.Monthly = f
				}
			}
		case "from":
			in.From, _ = w.date(p, v)
		case "until":
			in.Until, _ = w.date(p, v)
		case "ends_with_job":
			in.EndsWithJob, _ = w.boolean(p, v)
		default:
			w.unknownKey(path, k, keyNames(incomeTable))
		}
	}
	if _, ok := t["monthly"]; !ok {
		w.errAt(path, "add monthly = the amount a month, for example monthly = 1600", "an [[income]] (%q) has no monthly", in.Name)
	}
	if !in.From.IsZero() && !in.Until.IsZero() && in.Until.Before(in.From) {
		w.errAt(append(append([]string{}, path...), "until"), "until is the last day paid: on or after from ("+in.From.String()+")",
			"%q is paid until %s, before it starts on %s", in.Name, in.Until, in.From)
	}
	w.m.incomes = append(w.m.incomes, r)
}

func (w *walker) cash(path []string, t map[string]any) {
	r := rawCash{c: model.CashItem{Name: "cash"}, at: w.at(path...)}
	c := &r.c
	for _, k := range w.keys(path, t) {
		v := t[k]
		p := append(append([]string{}, path...), k)
		switch k {
		case "name":
			w.blockName(p, v, &c.Name)
		case "amount":
			if f, ok := w.number(p, v); ok {
				if math.Abs(f) > model.MaxMoney {
					w.errAt(p, "check for extra digits", "amount = %s is implausibly large", fmtNum(f))
				} else {
					c.Amount = f
				}
			}
		case "on":
			c.On, _ = w.date(p, v)
		default:
			w.unknownKey(path, k, keyNames(cashTable))
		}
	}
	if _, ok := t["amount"]; !ok {
		w.errAt(path, "add amount = the sum, above 0 for money in, below 0 for money out", "a [[cash]] (%q) has no amount", c.Name)
	}
	if _, ok := t["on"]; !ok {
		w.errAt(path, "add on = the day it comes or goes, for example on = 2026-12-20", "a [[cash]] (%q) has no on date", c.Name)
	}
	w.m.cash = append(w.m.cash, r)
}

// blockName reads a ledger block's name into name; a blank one keeps the
// default the block started with.
func (w *walker) blockName(p []string, v any, name *string) {
	if s, ok := w.str(p, v); ok && strings.TrimSpace(s) != "" {
		*name = strings.TrimSpace(s)
	}
}

// buildLedger puts the [[income]] and [[cash]] blocks of every file in
// the profile, in the order read.
func (l *loader) buildLedger(out *Loaded) {
	for _, r := range l.m.incomes {
		out.Profile.Incomes = append(out.Profile.Incomes, r.in)
		out.Origins.Incomes = append(out.Origins.Incomes, r.at)
	}
	for _, r := range l.m.cash {
		out.Profile.Cash = append(out.Profile.Cash, r.c)
		out.Origins.Cash = append(out.Origins.Cash, r.at)
	}
}

// PastCash warns of each [[cash]] dated before today: it is in the savings
// already, and the ledger leaves it out. The loader does not know today;
// check asks with it.
func PastCash(l *Loaded, today model.Date) []Diagnostic {
	var out []Diagnostic
	for i, c := range l.Profile.Cash {
		if !c.On.Before(today) || i >= len(l.Origins.Cash) {
			continue
		}
		line, col := l.Origins.Cash[i].child("on").Position()
		out = append(out, Diagnostic{File: l.Origins.Cash[i].File, Line: line, Col: col, Warning: true,
			Message: fmt.Sprintf("[[cash]] %q is dated %s, before today (%s); it is left out", c.Name, c.On, today),
			Hint:    "it is in your savings already; or, if it is still to come, give it the day it will come"})
	}
	return out
}
