#!/bin/bash
# usage: env... score.sh ; prints compact T1..T4 summary
bin=${BIN:-/tmp/calbin}
cd /work/wt/cal/internal/cli/testdata/decide
extra() { if [ $# -gt 0 ]; then printf '\n[search]\n'; printf '%s\n' "$@"; fi; }
{ sed 's/^savings = .*/savings = 3000000/' insured.toml; extra "$@"; } > /tmp/calx/i3m.toml
ns=$($bin --today 2026-12-07 decide --profile /tmp/calx/i3m.toml --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['reservation_now'])")
out=""
for pd in broke:2026-12-01 burned:2026-12-07 comfortable:2026-12-01 exploding:2026-12-01 insured:2026-12-07 late:2026-12-08 names:2026-11-25 story:2026-03-02 twooffers:2026-12-01 bonus:2026-12-07 warehouse:2026-12-07; do
  n=${pd%%:*}; d=${pd#*:}
  { cat $n.toml; extra "$@"; } > /tmp/calx/p.$n.toml
  $bin --today $d decide --profile /tmp/calx/p.$n.toml --format json > /tmp/calx/o.$n.json 2>/dev/null
done
python3 - "$ns" <<'PY'
import json,sys
ns=float(sys.argv[1])
def row(n):
    d=json.load(open('/tmp/calx/o.%s.json'%n)); return d
res=[]
t4=[]
for n in 'broke burned comfortable exploding insured late names story twooffers bonus warehouse'.split():
    d=row(n); rs=[0 if r['any'] else r['fit'] for r in d['reservation']]
    bad=[i for i in range(1,len(rs)) if rs[i]<rs[i-1]-1e-6]
    if bad: t4.append('%s@%s'%(n,bad))
    v=d['verdict']; res.append('%s:%s %s'%(n,v['action'],(v.get('name') or '')[:8]))
d=row('insured'); rs=[0 if r['any'] else r['fit'] for r in d['reservation']]
print('T1 ns=%.1f rows6-9=%s gaps=%s'%(ns,' '.join('%.1f'%x for x in rs[6:10]),' '.join('%.1f'%(ns-x) for x in rs[6:10])))
print('verdicts:', ' | '.join(res))
print('T4 viol:', t4 or 'none')
PY
