python3 -c "
import json
for n in ['late','story','names','broke','burned','twooffers','comfortable']:
    d=json.load(open('/tmp/calx/o.%s.json'%n)); v=d['verdict']
    print('   %-11s %-7s %-10s value %.2f runner_up %s close %s'%(n, v['action'], (v.get('name') or '')[:10], v['value'], v['runner_up'], v['close']))
"
