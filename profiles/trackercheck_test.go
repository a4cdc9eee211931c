package profiles

import "testing"

func TestSameMoney(t *testing.T) {
	for _, tt := range []struct {
		cell, profile string
		same          bool
	}{
		{"", "USD", true},
		{"$", "USD", true},
		{"$", "CAD", true},
		{"$", "$", true},
		{"USD", "$", true},
		{"EUR", "$", false},
		{"EUR", "USD", false},
		{"EUR", "EUR", true},
		{"$", "EUR", false},
		{"GBP", "EUR", false},
		{"CAD", "USD", false},
		{"JPY", "SEK", false},
	} {
		if got := sameMoney(tt.cell, tt.profile); got != tt.same {
			t.Errorf("sameMoney(%q, %q) = %v, want %v", tt.cell, tt.profile, got, tt.same)
		}
	}
	for in, want := range map[string]string{"": "$", "usd": "USD", "€": "EUR", "eur": "EUR", "SEK": "SEK", "$": "$"} {
		if got := profileCurrency(in); got != want {
			t.Errorf("profileCurrency(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLikelySame(t *testing.T) {
	known := []string{"Credit union", "Globex (Data analyst)", "Initech Systems"}
	for _, tt := range []struct{ name, want string }{
		{"Credit union (Member services rep)", "Credit union"},
		{"credit union", ""}, // the same name: import skips it as known
		{"Credit-union", "Credit union"},
		{"Initech Systems.", "Initech Systems"},
		{"Credit-Union (Teller)", "Credit union"},
		{"Globex", "Globex (Data analyst)"},
		{"Globex (Engineer)", ""}, // another title at one employer is another opportunity
		{"Initech System", "Initech Systems"},
		{"Initech", ""},
		{"Acme", ""},
		{"(Teller)", ""},
	} {
		if got := LikelySame(tt.name, known); got != tt.want {
			t.Errorf("LikelySame(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
