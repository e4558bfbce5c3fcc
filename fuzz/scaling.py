#!/usr/bin/env python3
"""Size-scaling probes for the fuzz targets: pathological inputs of one shape at 4, 16 and
64 kB, each run once through the built target binary; a shape whose time grows much more
than 4x per 4x of input is a quadratic path. libFuzzer keeps inputs short and seldom finds
these, so run this beside a campaign (docs/fuzzing.md).

    RUSTC_BOOTSTRAP=1 cargo fuzz build -s none
    python3 fuzz/scaling.py [TARGET...]
"""
import os, subprocess, sys, tempfile, time

N = [4000, 16000, 64000]
BIN = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'target/x86_64-unknown-linux-gnu/release')

def fm(body):
    return '+++\ntitle = "T"\nowner = "lead"\ntouchpoints = ["phone"]\n+++\n\n' + body

shapes = {
 'load_check': {
   'stars': lambda n: fm('*'*n),
   'unders': lambda n: fm('_a'*(n//2)),
   'brackets': lambda n: fm('['*n),
   'backticks': lambda n: fm('`'*n),
   'lt': lambda n: fm('<'*n),
   'quotes': lambda n: fm('>'*n+' x'),
   'lists': lambda n: fm(''.join('  '*(i%32)+'- x\n' for i in range(n//40))),
   'words': lambda n: fm('word '*(n//5)),
   'sentence': lambda n: fm('w, '*(n//3)+'.'),
   'links': lambda n: fm('[a](b) '*(n//7)),
   'reflinks': lambda n: fm('[a] '*(n//4)),
   'amp': lambda n: fm('&'*n),
   'toml-brackets': lambda n: '>>> owners.toml\n'+'['*n,
   'toml-arrays': lambda n: '>>> owners.toml\nx = '+'['*(n//2)+']'*(n//2),
   'toml-owners': lambda n: '>>> owners.toml\n'+''.join(f'[[owner]]\nid = "o{i}"\nname = "O"\n' for i in range(n//30)),
   'owners-dup': lambda n: '>>> owners.toml\n'+''.join(f'[[owner]]\nid = "o"\nname = "O"\n' for i in range(n//30)),
   'refs-unknown': lambda n: '+++\ntitle = "T"\nowner = "lead"\ntouchpoints = ['+','.join(f'"t{i}"' for i in range(n//7))+']\n+++\nx\n',
   'files': lambda n: ''.join(f'>>> standards/s{i}.md\n+++\ntitle = "T"\nowner = "lead"\n+++\nx\n' for i in range(n//50)),
   'hours': lambda n: '>>> touchpoints.toml\n[[touchpoint]]\nid = "phone"\nname = "P"\nchannel = "phone"\nowner = "lead"\nhours = "'+'Mon–Fri 8–18, '*(n//15)+'"\n',
   'newlines': lambda n: fm('\n'*n),
   'crlf': lambda n: fm('a\r\n'*(n//3)),
   'headings': lambda n: fm('# h\n'*(n//4)),
   'html': lambda n: fm('<div>'*(n//5)),
   'emph-mix': lambda n: fm('*a _b '*(n//6)),
   'journey': lambda n: '>>> journeys/j.toml\nid = "j"\nname = "J"\nowner = "lead"\n'+''.join(f'[[step]]\nid = "s{i}"\nname = "S"\nowner = "lead"\nstage = "awareness"\n' for i in range(n//60)),
 },
 'values': {
   'dur-spaces': lambda n: b'\0'+('1 '*(n//2)).encode(),
   'dur-digits': lambda n: b'\0'+('9'*n+' min').encode(),
   'sched-list': lambda n: b'\1'+('Mon–Fri 8–18, '*(n//15)).encode(),
   'sched-commas': lambda n: b'\1'+(','*n).encode(),
   'sched-dash': lambda n: b'\1'+('–'*(n//3)).encode(),
   'sched-days': lambda n: b'\1'+('Mon '*(n//4)+'8–18').encode(),
   'sched-ranges': lambda n: b'\1'+('Mon '+'8–9 '*(n//4)).encode(),
   'sched-pl': lambda n: b'\2'+('pon. '*(n//5)+'8–18').encode(),
   'slug': lambda n: b'\5'+('Ż'*(n//2)).encode(),
   'slug-dash': lambda n: b'\5'+('- '*(n//2)).encode(),
 },
 'events': {
   'csv-cols': lambda n: b'\0'+(','.join(f'c{i}' for i in range(n//6))+'\n').encode()*2,
   'csv-quotes': lambda n: b'\0'+b'"'*n,
   'csv-rows': lambda n: b'\0id,metric,touchpoint,start,end\n'+b'a,answer_time,phone,2026-10-05T09:00:00+02:00,2026-10-05T09:01:00+02:00\n'*(n//80),
   'csv-dup-header': lambda n: b'\0'+b'id,'*(n//3)+b'\n',
   'csv-seps': lambda n: b'\0'+b';,|\t'*(n//4),
   'jsonl-nest': lambda n: b'\1'+b'['*n,
   'jsonl-obj': lambda n: b'\1{'+b','.join(f'"k{i}":1'.encode() for i in range(n//8))+b'}\n',
   'jsonl-dupkeys': lambda n: b'\1{'+b','.join(b'"id":"x"' for i in range(n//9))+b'}\n',
   'jsonl-lines': lambda n: b'\1'+b'{"id":"a","metric":"answer_time","touchpoint":"phone","start":"2026-10-05T09:00:00","end":"2026-10-05T09:01:00"}\n'*(n//110),
   'jsonl-ts': lambda n: b'\1{"id":"a","metric":"answer_time","touchpoint":"phone","start":"'+b'9'*n+b'"}\n',
 },
 'diff': {
   'prose': lambda n: (fm(' '.join(f'a{i}' for i in range(n//12)))+'\0'+fm(' '.join(f'b{i}' for i in range(n//12)))),
   'prose-same-words': lambda n: (fm('a b '*(n//8))+'\0'+fm('b a '*(n//8))),
   'tags': lambda n: ('+++\ntitle = "T"\nowner = "lead"\ntags = ['+','.join(f'"a{i}"' for i in range(n//16))+']\n+++\nx\n')+'\0'+('+++\ntitle = "T"\nowner = "lead"\ntags = ['+','.join(f'"b{i}"' for i in range(n//16))+']\n+++\nx\n'),
   'many-standards': lambda n: ''.join(f'>>> standards/s{i}.md\n+++\ntitle = "T"\nowner = "lead"\n+++\nx{i}\n' for i in range(n//100))+'\0'+''.join(f'>>> standards/s{i}.md\n+++\ntitle = "T"\nowner = "qa"\n+++\ny{i}\n' for i in range(n//100)),
   'say-lists': lambda n: ('+++\ntitle = "T"\nowner = "lead"\nsay = ['+','.join(f'"x{i} y"' for i in range(n//20))+']\n+++\nx\n')+'\0'+('+++\ntitle = "T"\nowner = "lead"\nsay = ['+','.join(f'"y{i} x"' for i in range(n//20))+']\n+++\nx\n'),
 },
 'render': {
   'stars': lambda n: '*'*n, 'brackets': lambda n: '['*n, 'lt': lambda n: '<'*n, 'backticks': lambda n:'`'*n,
   'quotes': lambda n: '>'*n+' x', 'links': lambda n: '[a](b) '*(n//7), 'html-div': lambda n: '<div>'*(n//5),
   'html-attrs': lambda n: '<a '+'x=1 '*(n//4)+'>', 'table-wide': lambda n: '|a'*(n//2)+'|\n'+'|-'*(n//2)+'|\n',
   'table-rows': lambda n: '|a|b|\n|-|-|\n'+'|x|y|\n'*(n//6), 'footnotes': lambda n: ''.join(f'[^{i}] ' for i in range(n//8))+'\n\n'+''.join(f'[^{i}]: n\n' for i in range(n//16)),
   'headings': lambda n: '# h\n'*(n//4), 'words': lambda n: 'word '*(n//5), 'entities': lambda n: '&amp;'*(n//5),
   'std-links': lambda n: '[x](standards/fuzz.md) '*(n//24), 'autolinks': lambda n: '<http://a> '*(n//11),
   'emph-nest': lambda n: '*_'*(n//4)+'x'+'_*'*(n//4),
 },
}


def run(target, data):
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(data)
    try:
        start = time.perf_counter()
        done = subprocess.run([os.path.join(BIN, target), '-runs=1', f.name],
                              capture_output=True, timeout=120)
        return time.perf_counter() - start, done.returncode
    except subprocess.TimeoutExpired:
        return float('inf'), 'timeout'
    finally:
        os.unlink(f.name)

for target in sys.argv[1:] or shapes:
    for name, make in shapes[target].items():
        times = []
        for n in N:
            data = make(n)
            data = data.encode() if isinstance(data, str) else data
            times.append(run(target, data))
        growth = times[2][0] / max(times[1][0], 1e-3)
        flag = '  <- superlinear' if growth > 6 else ''
        cells = ' '.join(f'{t:7.2f}s' + ('' if rc == 0 else f' ({rc})') for t, rc in times)
        print(f'{target:10} {name:18} {cells}  x{growth:.1f}{flag}', flush=True)
