#!/usr/bin/env bash
# Start and memory, side by side with the AWS CLI: `--max-items 5` and a 50,000-item listing against local emulators,
# each run 5 times under /usr/bin/time -v; the median wall time and the median peak RSS of each tool.
#
# Usage: async-invoke-lister-benchmarks/start-and-memory.sh   (after ./mvnw package; needs aws and /usr/bin/time)
# Prints a Markdown table. The launcher's class-data archive is made by a warm-up run first, as a user's first run
# would, so its rows are what every later run costs.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls -t async-invoke-lister-cli/target/async-invoke-lister-cli-*-all.jar | head -1)
command -v aws >/dev/null || { echo "start and memory: skipped, the AWS CLI (aws) is not installed"; exit 0; }
[ -x /usr/bin/time ] || { echo "start and memory: skipped, /usr/bin/time is not installed"; exit 0; }

work=$(mktemp -d)
export XDG_CACHE_HOME=$work/cache
# The same environment for both tools: dummy keys, no config files, no instance metadata.
for name in $(env | grep -o '^AWS_[A-Z_]*'); do unset "$name"; done
export AWS_ACCESS_KEY_ID=dummy AWS_SECRET_ACCESS_KEY=dummy AWS_CONFIG_FILE=$work/none \
    AWS_SHARED_CREDENTIALS_FILE=$work/none AWS_EC2_METADATA_DISABLED=true AWS_PAGER=

start_emulator() { # items -> endpoint
    java -jar "$jar" emulator --port 0 --items "$1" > "$work/emulator-$1.out" 2>/dev/null &
    echo $! >> "$work/pids"
    for _ in $(seq 100); do
        endpoint=$(grep -o 'http://[0-9.:]*' "$work/emulator-$1.out" 2>/dev/null | head -1 || true)
        [ -n "$endpoint" ] && { echo "$endpoint"; return; }
        sleep 0.1
    done
    echo "the emulator did not start" >&2
    exit 1
}
trap 'kill $(cat "$work/pids") 2>/dev/null; rm -rf "$work"' EXIT
small=$(start_emulator 60)
large=$(start_emulator 50000)

# One run: "seconds kilobytes".
measure() {
    /usr/bin/time -v "$@" > /dev/null 2> "$work/time" || { cat "$work/time" >&2; exit 1; }
    wall=$(grep 'Elapsed (wall clock)' "$work/time" | awk '{print $NF}')
    rss=$(grep 'Maximum resident set size' "$work/time" | awk '{print $NF}')
    echo "$wall" | awk -F: -v rss="$rss" '{ s = (NF == 3) ? $1 * 3600 + $2 * 60 + $3 : $1 * 60 + $2; print s, rss }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
row() { # label, then the command
    label=$1
    shift
    : > "$work/runs"
    for _ in 1 2 3 4 5; do
        measure "$@" >> "$work/runs"
    done
    seconds=$(cut -d' ' -f1 "$work/runs" | median)
    kb=$(cut -d' ' -f2 "$work/runs" | median)
    runs=$(awk '{ printf "%s%.2f s / %d MB", (NR > 1 ? ", " : ""), $1, $2 / 1024 }' "$work/runs")
    printf '| %s | %.2f s | %d MB | %s |\n' "$label" "$seconds" $((kb / 1024)) "$runs"
}

args=(list-async-invokes --region us-east-1)
bin/async-invoke-lister "${args[@]}" --endpoint-url "$small" --max-items 5 > /dev/null # makes the archive
echo "| run | median wall | median peak RSS | runs |"
echo "|---|---:|---:|---|"
row "aws, --max-items 5" aws bedrock-runtime "${args[@]}" --endpoint-url "$small" --max-items 5
row "bin/async-invoke-lister, --max-items 5" bin/async-invoke-lister "${args[@]}" --endpoint-url "$small" --max-items 5
row "java -jar, --max-items 5" java -jar "$jar" "${args[@]}" --endpoint-url "$small" --max-items 5
row "aws, 50,000 items" aws bedrock-runtime "${args[@]}" --endpoint-url "$large"
row "bin/async-invoke-lister, 50,000 items" bin/async-invoke-lister "${args[@]}" --endpoint-url "$large"
row "java -jar, 50,000 items" java -jar "$jar" "${args[@]}" --endpoint-url "$large"
