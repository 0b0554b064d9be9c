#!/usr/bin/python3
"""Corpus statistics of varbind next to Net-SNMP (snmptranslate) and libsmi (smilint).

Usage (from the repository root, after `mvn -pl mib-parser -am install -DskipTests`):
    /usr/bin/python3 mib-parser/scripts/corpus_compare.py [CORPUS_DIR]

Every tool gets the same search path: each vendor folder of the corpus.
- varbind: io.varbind.mib.CorpusReport (clean / warnings only / errors / failed per module).
- Net-SNMP: one `snmptranslate -m ALL -Tz` over the path; a module is "failed" when none of the
  (label, OID) pairs varbind found for it is in Net-SNMP's tree, "problems" when a message on
  stderr names it or its file, else "clean".
- libsmi: `smilint -s -l 2 FILE` per file; "failed" on a severity 0/1 message (cannot parse or
  locate), "problems" on any severity 2 error, else "clean".
"""
import collections, os, re, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor

corpus = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "../shared/mibs-corpus")
dirs = sorted(os.path.join(corpus, d) for d in os.listdir(corpus) if os.path.isdir(os.path.join(corpus, d)))
# Net-SNMP 5.9 lets the last folder win for a module defined twice; varbind (API.md) the first
path = ":".join(reversed(dirs))
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
classes = os.path.join(root, "mib-parser", "target", "classes")

t0 = time.time()
vb = subprocess.run(["java", "-cp", classes, "io.varbind.mib.CorpusReport", corpus], capture_output=True, text=True)
vb_wall = time.time() - t0
ours = {}
files = {}
for line in vb.stdout.splitlines():
    mod, st, f = line.split("\t")
    ours[mod] = st
    files[mod] = f
print(vb.stderr.strip(), "(wall %.1f s incl. JVM start)" % vb_wall)

# Net-SNMP
t0 = time.time()
ns = subprocess.run(["snmptranslate", "-M", path, "-m", "ALL", "-Tz"], capture_output=True, text=True,
                    errors="replace")
ns_wall = time.time() - t0
tz = set()
for line in ns.stdout.splitlines():
    p = line.split('"')
    if len(p) >= 4:
        tz.add((p[1], p[3]))
named = collections.defaultdict(set)
file_to_mod = {v: k for k, v in files.items()}
for line in ns.stderr.splitlines():
    for m in re.findall(r"in (?:module )?([A-Za-z][\w-]*)[:( ]", line):
        named[m].add(line)
    for f in re.findall(r"(/[^ )]+)", line):
        if f in file_to_mod:
            named[file_to_mod[f]].add(line)
# labels/OIDs per module from varbind's dump of the same corpus
dump = subprocess.run(["java", "-cp", classes, "io.varbind.mib.CorpusReport", corpus, "--pairs"],
                      capture_output=True, text=True).stdout
pairs = collections.defaultdict(set)
for line in dump.splitlines():
    mod, label, oid = line.split("\t")
    pairs[mod].add((label, oid))
ns_status = {}
for mod in ours:
    if pairs.get(mod) and not (pairs[mod] & tz):
        ns_status[mod] = "failed"
    elif not pairs.get(mod) and any("adopt" in l or "Unlinked" in l for l in named.get(mod, ())):
        ns_status[mod] = "failed"
    elif mod in named:
        ns_status[mod] = "problems"
    else:
        ns_status[mod] = "clean"
c = collections.Counter(ns_status.values())
print("net-snmp: %d modules: %d clean, %d with problems, %d not loaded (snmptranslate -m ALL wall %.2f s)"
      % (len(ns_status), c["clean"], c["problems"], c["failed"], ns_wall))

# libsmi
def lint(mod):
    f = files.get(mod)
    if not f or f == "-":
        return mod, "failed"
    r = subprocess.run(["smilint", "-s", "-l", "2", f], capture_output=True, text=True, errors="replace",
                       env=dict(os.environ, SMIPATH=path))
    sev = [int(x) for x in re.findall(r"\[(\d)\]", r.stdout + r.stderr)]
    if any(s <= 1 for s in sev):
        return mod, "failed"
    return mod, "problems" if sev else "clean"

t0 = time.time()
with ThreadPoolExecutor(max_workers=2) as ex:
    smi = dict(ex.map(lint, list(ours)))
c = collections.Counter(smi.values())
print("libsmi:   %d modules: %d clean, %d with errors, %d failed (smilint -l 2 per file, wall %.0f s)"
      % (len(smi), c["clean"], c["problems"], c["failed"], time.time() - t0))
worse = [m for m in ours if ours[m] == "failed" and ns_status.get(m) != "failed"]
print("modules Net-SNMP loads and varbind does not: %d %s" % (len(worse), worse[:20]))
stricter = sorted(m for m in ours if ours[m] == "errors" and ns_status.get(m) == "clean")
print("modules with errors here that Net-SNMP loads without a message: %d %s" % (len(stricter), stricter[:30]))
