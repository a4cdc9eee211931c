# Writes tomllib-lines.txt: where Python's tomllib (a TOML 1.0 parser that
# shares no code with mutual's) reports each invalid document, as
# "path line column", or "path accepted" when it reads the document.
# Run from this directory: python3 tomllib-lines.py > tomllib-lines.txt
import os, re, tomllib

for d, _, files in sorted(os.walk("invalid")):
    for f in sorted(files):
        if not f.endswith(".toml"):
            continue
        p = os.path.join(d, f)
        try:
            tomllib.loads(open(p, "rb").read().decode("utf-8"))
            print(p, "accepted")
        except UnicodeDecodeError:
            print(p, "not-utf-8")
        except tomllib.TOMLDecodeError as e:
            m = re.search(r"at line (\d+), column (\d+)", str(e))
            print(p, m.group(1), m.group(2)) if m else print(p, "no-position")
