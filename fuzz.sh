#!/bin/sh
# Coverage-guided fuzzing of one Jazzer target for a given time (codec/README.md, "Fuzzing").
#   ./fuzz.sh                       lists the targets
#   ./fuzz.sh TARGET [SECONDS]      fuzzes TARGET (default 600 s), e.g. ./fuzz.sh codec.messages 60
# Without JAZZER_FUZZ the same targets only replay their inputs, as in `mvn verify`. The
# corpus a run grows is kept in MODULE/.cifuzz-corpus (not committed); an input that fails
# is written into the target's Inputs folder under src/test/resources, where it becomes a
# regression case of the default test run: commit it with the fix.
set -eu
cd "$(dirname "$0")"
targets="codec.messages:codec:io.varbind.codec.CodecFuzzTest#messages
codec.v3Envelope:codec:io.varbind.codec.CodecFuzzTest#v3Envelope
usm.decodeInPlace:usm:io.varbind.usm.UsmFuzzTest#decodeInPlace
mib.modules:mib-parser:io.varbind.mib.MibFuzzTest#modules
agent.walkFile:agent:io.varbind.agent.WalkFileFuzzTest#walkFile
agent.dispatcher:agent:io.varbind.agent.DispatcherFuzzTest#dispatcher
agent.notifications:agent:io.varbind.agent.NotificationFuzzTest#notifications
cli.oidAndValue:cli:io.varbind.cli.CliInputFuzzTest#oidAndValue"
if [ $# -lt 1 ]; then
    echo "$targets" | cut -d: -f1
    exit 0
fi
line=$(echo "$targets" | grep "^$1:" || true)
[ -n "$line" ] || { echo "unknown target $1; ./fuzz.sh lists them" >&2; exit 2; }
module=$(echo "$line" | cut -d: -f2)
test=$(echo "$line" | cut -d: -f3)
seconds=${2:-600}
class=${test%#*}
method=${test#*#}
corpus="$module/.cifuzz-corpus/$class/$method"
mkdir -p "$corpus"
# MIB seeds are read from VARBIND_MIB_DIRS at fuzz time (their text is not kept in the repository).
if [ "$module" = mib-parser ]; then
    for d in $(echo "${VARBIND_MIB_DIRS:-../shared/mibs}" | tr ':' ' '); do
        [ -d "$d" ] && find "$d" -maxdepth 1 -type f -size -64k -exec cp -n {} "$corpus/" \;
    done
fi
# Every Varbind class is instrumented (by default only the module's own would be, not the ones it
# gets from other modules' jars); libFuzzer arguments after the annotation's own win: -max_total_time
# sets the duration.
JAZZER_FUZZ=1 exec mvn -B -ntp -o verify -pl "$module" -am -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.instrumentation_includes="io.varbind.**" -Djazzer.custom_hook_includes="io.varbind.**" \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$seconds" \
    -Djazzer.internal.arg.2=-print_final_stats=1
