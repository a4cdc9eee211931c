package report

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// encodeIndented must write what json.Encoder with SetIndent("", "  ")
// and SetEscapeHTML(false) writes, byte for byte: checked on values of
// every shape, empty and nested containers, and strings holding the
// punctuation, escapes and quotes the indenter must step over.
func TestEncodeIndentedIsEncodingJSON(t *testing.T) {
	type inner struct {
		A string            `json:"a"`
		B []int             `json:"b"`
		C map[string]any    `json:"c,omitempty"`
		D *float64          `json:"d"`
		E []inner           `json:"e"`
		F map[string]string `json:"f"`
	}
	half := 0.5
	values := []any{
		nil, 0, -1.25e-9, "", `"`, `\`, `a,b:{c}[d]"e\"f\\`, "<&>\u2028\u0085é\t\n",
		[]int{}, map[string]int{}, []any{[]any{}, map[string]any{}, []any{[]any{1}}},
		inner{}, inner{A: "x:,{}[]", B: []int{1, 2}, D: &half, E: []inner{{A: `\"`}, {}}, F: map[string]string{"k,:": "v]"}},
		jsonReport{Opportunities: []jsonOpportunity{{Name: "a \"b\" c", Reasons: []string{"x", "y, z"}}}},
	}
	rng := rand.New(rand.NewPCG(21, 7))
	alphabet := []rune(`ab,:{}[]"\ é` + "\u0085\t")
	for range 300 {
		var build func(depth int) any
		build = func(depth int) any {
			switch k := rng.IntN(6); {
			case k == 0 || depth > 3:
				var b strings.Builder
				for range rng.IntN(6) {
					b.WriteRune(alphabet[rng.IntN(len(alphabet))])
				}
				return b.String()
			case k == 1:
				return rng.NormFloat64() * 1e3
			case k == 2:
				return rng.IntN(2) == 0
			case k == 3:
				m := map[string]any{}
				for range rng.IntN(4) {
					m[build(9).(string)] = build(depth + 1)
				}
				return m
			default:
				a := []any{}
				for range rng.IntN(4) {
					a = append(a, build(depth+1))
				}
				return a
			}
		}
		values = append(values, build(0))
	}
	for _, v := range values {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := encodeIndented(&got, v); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%#v:\ngot  %q\nwant %q", v, got.String(), want.String())
		}
	}
}
