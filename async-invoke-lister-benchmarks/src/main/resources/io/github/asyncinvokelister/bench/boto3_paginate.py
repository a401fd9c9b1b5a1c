#!/usr/bin/env python3
"""boto3's paginator against a running Bedrock Runtime emulator, for BENCHMARKS.md (stdlib and boto3 only).

  boto3_paginate.py throughput ENDPOINT [--page-size 1000] [--expect N] [--runs 3]
      Lists every invocation with paginator.paginate(PaginationConfig={"PageSize": P}), iterating each page's
      asyncInvokeSummaries, --runs times on one client, and prints each run's items/s, then
      "boto3 items/s: X" with the median run.
  boto3_paginate.py requests ENDPOINT --max-items M --page-size P
      Lists with PaginationConfig={"MaxItems": M, "PageSize": P} and prints one JSON line:
      {"delivered": items boto3 returned, "transferred": items in the responses, "requests": responses}.

Run the emulator with: java -jar async-invoke-lister-cli/target/async-invoke-lister-cli-<version>-all.jar emulator
--port 8080 --items 100000 --seed 42 (or let io.github.asyncinvokelister.bench.Benchmarks run this script).
"""
import argparse
import json
import statistics
import sys
import time

try:
    import boto3
    import botocore
except ImportError:
    print("boto3: skipped, python3 has no boto3 (pip install boto3)")
    sys.exit(3)


def client_for(endpoint):
    return boto3.client(
        "bedrock-runtime",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="AKIAEMULATOREXAMPLE",
        aws_secret_access_key="emulator-secret-access-key",
    )


def throughput(args):
    client = client_for(args.endpoint)
    paginator = client.get_paginator("list_async_invokes")
    rates = []
    for run in range(1, args.runs + 1):
        count = 0
        start = time.perf_counter()
        for page in paginator.paginate(PaginationConfig={"PageSize": args.page_size}):
            for _summary in page.get("asyncInvokeSummaries", []):
                count += 1
        seconds = time.perf_counter() - start
        if args.expect is not None and count != args.expect:
            raise SystemExit(f"boto3 listed {count} items, expected {args.expect}")
        rates.append(count / seconds)
        print(f"run {run}: {count} items in {seconds:.2f} s, {count / seconds:.0f} items/s", flush=True)
    print(f"boto3 {boto3.__version__} botocore {botocore.__version__}")
    print(f"boto3 items/s: {statistics.median(rates):.0f}")


def requests(args):
    client = client_for(args.endpoint)
    seen = {"transferred": 0, "requests": 0}

    def count_response(parsed, **_kwargs):
        # after-call sees the parsed response before the paginator truncates it to MaxItems.
        seen["requests"] += 1
        seen["transferred"] += len(parsed.get("asyncInvokeSummaries", []))

    client.meta.events.register("after-call.bedrock-runtime.ListAsyncInvokes", count_response)
    paginator = client.get_paginator("list_async_invokes")
    delivered = 0
    for page in paginator.paginate(PaginationConfig={"MaxItems": args.max_items, "PageSize": args.page_size}):
        delivered += len(page.get("asyncInvokeSummaries", []))
    print(json.dumps({"delivered": delivered, **seen}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("throughput")
    t.add_argument("endpoint")
    t.add_argument("--page-size", type=int, default=1000)
    t.add_argument("--expect", type=int)
    t.add_argument("--runs", type=int, default=3)
    r = sub.add_parser("requests")
    r.add_argument("endpoint")
    r.add_argument("--max-items", type=int, required=True)
    r.add_argument("--page-size", type=int, required=True)
    args = parser.parse_args()
    (throughput if args.command == "throughput" else requests)(args)


if __name__ == "__main__":
    main()
