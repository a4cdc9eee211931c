package report

import "testing"

func TestShortNames(t *testing.T) {
	for _, tt := range []struct {
		name  string
		names []string
		width int
		want  []string
	}{
		{"names that fit stay whole", []string{"Acme", "Globex"}, 10, []string{"Acme", "Globex"}},
		{"a shared start gives way to the part that differs", []string{"Data analyst (North)", "Data analyst (South)"}, 14,
			[]string{"Data a…(North)", "Data a…(South)"}},
		{"names that part early are cut at the end", []string{"Operations analyst", "Vandelay Industries"}, 14,
			[]string{"Operations an…", "Vandelay Indu…"}},
		{"a long distinct tail is cut too", []string{"Operations analyst, Acme Logistics", "Operations analyst, Initech"}, 14,
			[]string{"…Acme Logisti…", "Operat…Initech"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := ShortNames(tt.names, tt.width)
			for i := range got {
				if got[i] != tt.want[i] || Width(got[i]) > tt.width {
					t.Errorf("%q → %q, want %q", tt.names[i], got[i], tt.want[i])
				}
			}
		})
	}
}
