#!/usr/bin/env python3
"""Checks the command-line tool against the AWS CLI: the same flags, the same output, interchangeable tokens.

Usage: aws_cli_conformance.py [-v] [CLI_JAR]

CLI_JAR defaults to the newest async-invoke-lister-cli/target/async-invoke-lister-cli-*-all.jar. The script starts that jar's emulator
(`emulator --port 0`), then runs the same listings through `java -jar CLI_JAR list-async-invokes` and
`aws bedrock-runtime list-async-invokes` against it, with dummy credentials and empty config files, and compares:

- the parsed JSON output (the same items, the same keys in the same order), and the bytes where both tools send
  the same requests;
- a NextToken's presence, its bytes where the requests match, and that either tool's token resumes in the other
  at the same item;
- the raw responses of --no-paginate / --max-results / --next-token, byte for byte;
- ndjson and csv output against the AWS CLI's items;
- --output text and --query, byte for byte, over the cases of the golden cases file;
- that bad input fails in both (our exit code 252, before any output);
- the profile, region and credentials rules, over a server that records the key each request is signed with: the
  same key and region, or the same one-line error (our exit code 253 where AWS CLI v1's is 255).

It prints a line per failed check (per check with -v) and `cli conformance: N passed, M failed`, and exits 1 if
any failed. Calls run in
parallel: the AWS CLI takes about a second to start.
"""
import concurrent.futures
import csv
import io
import json
import os
import re
import subprocess
import sys

from conformance import REGION, Checks, Failure, aws_environment, emulator, expect, newest_jar

USAGE_EXIT = 252


class Tools:
    """Runs a listing through either tool against one emulator."""

    def __init__(self, jar, endpoint, env):
        self.jar = jar
        self.endpoint = endpoint
        self.env = env

    def run(self, tool, args):
        common = ["--endpoint-url", self.endpoint, "--region", REGION]
        if tool == "aws":
            command = ["aws", "bedrock-runtime", "list-async-invokes"] + common + args
        else:
            command = ["java", "-jar", self.jar, "list-async-invokes"] + common + args
        done = subprocess.run(command, env=self.env, capture_output=True, timeout=120)
        return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")

    def both(self, args):
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            aws = pool.submit(self.run, "aws", args)
            ours = pool.submit(self.run, "ours", args)
            return aws.result(), ours.result()


def arns(document):
    return [item["invocationArn"] for item in document.get("asyncInvokeSummaries", [])]


def parsed(result, who):
    code, out, err = result
    expect(code == 0, f"{who} exited {code}: {err.strip()[:300]}")
    try:
        return json.loads(out, object_pairs_hook=list)
    except ValueError as e:
        raise Failure(f"{who} printed no JSON: {e}: {out[:200]!r}")


def as_dict(pairs):
    """json.loads with object_pairs_hook=list keeps key order; this turns such a value back into dicts."""
    if isinstance(pairs, list) and all(isinstance(p, tuple) and len(p) == 2 for p in pairs):
        return {k: as_dict(v) for k, v in pairs}
    if isinstance(pairs, list):
        return [as_dict(v) for v in pairs]
    return pairs


def same_json(aws, ours, bytes_too):
    """The same document (keys in the same order); the same bytes if the requests were the same."""
    aws_doc, our_doc = parsed(aws, "aws"), parsed(ours, "ours")
    expect(aws_doc == our_doc, f"documents differ: aws keys {[k for k, _ in aws_doc]}, ours {[k for k, _ in our_doc]};"
           f" aws {len(arns(as_dict(aws_doc)))} items, ours {len(arns(as_dict(our_doc)))}")
    if bytes_too:
        expect(aws[1] == ours[1], "same document, different bytes")
    return as_dict(aws_doc), as_dict(our_doc)


def same_items(aws, ours):
    """The same items and the same NextToken presence; tokens may differ where the requests differ."""
    aws_doc, our_doc = as_dict(parsed(aws, "aws")), as_dict(parsed(ours, "ours"))
    expect(aws_doc["asyncInvokeSummaries"] == our_doc["asyncInvokeSummaries"],
           f"items differ: aws {len(arns(aws_doc))}, ours {len(arns(our_doc))}")
    expect(list(aws_doc) == list(our_doc), f"keys differ: aws {list(aws_doc)}, ours {list(our_doc)}")
    return aws_doc, our_doc


CONFIGURATION_EXIT = 253
ENV_KEYS = {"AWS_ACCESS_KEY_ID": "AKIAENVENVENVENV0004", "AWS_SECRET_ACCESS_KEY": "s4"}
# Each: a name, the environment beyond the files (dummy keys removed), and the flags (no --region unless given).
CONFIGURATION_CASES = [
    ("keys in the environment and --profile prod", ENV_KEYS, ["--profile", "prod", "--region", "us-east-1"]),
    ("keys in the environment and AWS_PROFILE=prod", dict(ENV_KEYS, AWS_PROFILE="prod"), ["--region", "us-east-1"]),
    ("--profile nosuch", ENV_KEYS, ["--profile", "nosuch", "--region", "us-east-1"]),
    ("AWS_PROFILE=nosuch", dict(ENV_KEYS, AWS_PROFILE="nosuch"), ["--region", "us-east-1"]),
    ("no region anywhere", ENV_KEYS, []),
    ("the profile's region", {}, ["--profile", "prod"]),
    ("AWS_DEFAULT_REGION", dict(ENV_KEYS, AWS_DEFAULT_REGION="eu-central-1"), []),
    ("the default profile's keys", {}, ["--region", "us-east-1"]),
    ("no credentials anywhere", {"NO_CREDENTIALS_FILE": "1"}, ["--region", "us-east-1"]),
]


class SigningRecorder:
    """A server on 127.0.0.1 that answers an empty listing and records the key and region each request is signed
    with; and config and credentials files with profiles prod, other and default."""

    def __init__(self):
        import http.server
        import tempfile
        import threading
        recorder = self
        self.seen = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                match = re.search(r"Credential=([A-Z0-9]+)/\d{8}/([a-z0-9-]+)/",
                                  self.headers.get("Authorization") or "")
                recorder.seen.append(f"{match.group(1)} {match.group(2)}" if match else "unsigned")
                body = b'{"asyncInvokeSummaries": []}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.endpoint = f"http://127.0.0.1:{self.server.server_port}"
        workdir = tempfile.mkdtemp(prefix="conformance-profiles-")
        self.config = os.path.join(workdir, "config")
        with open(self.config, "w", encoding="utf-8") as f:
            f.write("[profile prod]\nregion = eu-west-1\n[profile other]\nregion = us-west-2\n")
        self.credentials = os.path.join(workdir, "credentials")
        with open(self.credentials, "w", encoding="utf-8") as f:
            f.write("[prod]\naws_access_key_id = AKIAPRODPRODPROD0001\naws_secret_access_key = s1\n"
                    "[default]\naws_access_key_id = AKIADEFAULTDEFAULT03\naws_secret_access_key = s3\n")
        self.lock = threading.Lock()

    def run(self, tools, tool, extra_env, args):
        """One listing, alone (the record is shared): its exit code, its stderr, and the key it was signed with."""
        env = {k: v for k, v in tools.env.items() if k not in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
        env.update({"AWS_CONFIG_FILE": self.config, "AWS_SHARED_CREDENTIALS_FILE": self.credentials})
        env.update(extra_env)
        if env.pop("NO_CREDENTIALS_FILE", None):
            env["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(os.path.dirname(self.config), "none")
        command = (["aws", "bedrock-runtime"] if tool == "aws" else ["java", "-jar", tools.jar])
        command += ["list-async-invokes", "--endpoint-url", self.endpoint] + args
        with self.lock:
            before = len(self.seen)
            done = subprocess.run(command, env=env, capture_output=True, timeout=120)
            key = self.seen[before] if len(self.seen) > before else None
        return done.returncode, done.stderr.decode("utf-8").strip(), key

    def close(self):
        self.server.shutdown()


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    jar = args[0] if args else newest_jar("cli conformance")
    env = aws_environment()
    with emulator(jar, env, [], "cli conformance") as endpoint:
        return run_checks(Tools(jar, endpoint, env), verbose)


def run_checks(tools, verbose):
    checks = Checks()
    check = checks.check

    @check("whole listing, no flags (the service's default page size)")
    def _():
        same_json(*tools.both([]), bytes_too=True)

    @check("--page-size 100: the same items")
    def _():
        same_json(*tools.both(["--page-size", "100"]), bytes_too=True)

    @check("--status-equals Failed")
    def _():
        aws, _ = same_json(*tools.both(["--status-equals", "Failed"]), bytes_too=True)
        expect(aws["asyncInvokeSummaries"], "no Failed items to compare")

    @check("--status-equals Completed --sort-by SubmissionTime --sort-order Ascending")
    def _():
        same_json(*tools.both(["--status-equals", "Completed", "--sort-by", "SubmissionTime",
                               "--sort-order", "Ascending"]), bytes_too=True)

    @check("--submit-time-after/--submit-time-before, ISO 8601 forms")
    def _():
        same_json(*tools.both(["--submit-time-after", "2025-03-01", "--submit-time-before",
                               "2025-04-01T12:00:00.5+02:00"]), bytes_too=True)

    @check("--submit-time-after in epoch seconds")
    def _():
        same_json(*tools.both(["--submit-time-after", "1743465600", "--submit-time-before",
                               "2025-04-10T00:00:00Z"]), bytes_too=True)

    @check("--max-items on a page boundary: the same bytes, NextToken included")
    def _():
        aws, ours = same_json(*tools.both(["--max-items", "30", "--page-size", "10"]), bytes_too=True)
        expect("NextToken" in ours, "no NextToken")

    def interchange(first_args, resume_args):
        aws, ours = same_items(*tools.both(first_args))
        expect("NextToken" in aws and "NextToken" in ours, "a NextToken is missing")
        runs = {}
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            for token_from in ("aws", "ours"):
                token = (aws if token_from == "aws" else ours)["NextToken"]
                for tool in ("aws", "ours"):
                    runs[(token_from, tool)] = pool.submit(tools.run, tool,
                                                           ["--starting-token", token] + resume_args)
        resumed = {key: arns(as_dict(parsed(future.result(), f"{key[1]} resuming {key[0]}'s token")))
                   for key, future in runs.items()}
        reference = resumed[("aws", "aws")]
        expect(reference, "the AWS CLI resumed nothing")
        for key, items in resumed.items():
            expect(items == reference, f"{key[1]} resuming {key[0]}'s token listed other items"
                   f" ({len(items)} vs {len(reference)})")

    @check("--max-items inside a page: NextToken resumes both ways")
    def _():
        interchange(["--max-items", "25", "--page-size", "10"], ["--max-items", "20", "--page-size", "10"])

    @check("--max-items without --page-size: NextToken resumes both ways")
    def _():
        interchange(["--max-items", "7"], ["--max-items", "9"])

    @check("--max-items with filters: NextToken resumes both ways")
    def _():
        interchange(["--status-equals", "Failed", "--sort-order", "Ascending", "--max-items", "5"],
                    ["--status-equals", "Failed", "--sort-order", "Ascending", "--max-items", "5"])

    @check("--starting-token chain: pages of --max-items add up to the whole listing")
    def _():
        whole = arns(as_dict(parsed(tools.run("aws", ["--status-equals", "InProgress"]), "aws")))
        chained, token = [], None
        for tool in ("ours", "aws", "ours", "aws", "ours", "aws", "ours", "aws"):
            args = ["--status-equals", "InProgress", "--max-items", "6", "--page-size", "4"]
            if token:
                args += ["--starting-token", token]
            document = as_dict(parsed(tools.run(tool, args), tool))
            chained += arns(document)
            token = document.get("NextToken")
            if not token:
                break
        expect(chained == whole[:len(chained)], "the chain does not follow the whole listing")
        expect(len(chained) == min(len(whole), 48), f"the chain listed {len(chained)} of {len(whole)}")

    @check("--no-paginate: the raw first page, byte for byte")
    def _():
        aws, _ = same_json(*tools.both(["--no-paginate"]), bytes_too=True)
        expect("nextToken" in aws, "no raw nextToken")

    @check("--max-results / --next-token: raw requests, byte for byte")
    def _():
        aws, _ = same_json(*tools.both(["--max-results", "5", "--sort-order", "Ascending"]), bytes_too=True)
        same_json(*tools.both(["--max-results", "3", "--sort-order", "Ascending", "--next-token", aws["nextToken"]]),
                  bytes_too=True)

    @check("--output ndjson and csv list the AWS CLI's items")
    def _():
        args = ["--status-equals", "Failed", "--max-items", "40"]
        with concurrent.futures.ThreadPoolExecutor(3) as pool:
            aws = pool.submit(tools.run, "aws", args)
            ndjson = pool.submit(tools.run, "ours", args + ["--output", "ndjson"])
            csv_run = pool.submit(tools.run, "ours", args + ["--output", "csv"])
        expected = as_dict(parsed(aws.result(), "aws"))["asyncInvokeSummaries"]
        code, out, err = ndjson.result()
        expect(code == 0, f"ndjson exited {code}: {err}")
        expect([json.loads(line) for line in out.splitlines()] == expected, "ndjson items differ")
        code, out, err = csv_run.result()
        expect(code == 0, f"csv exited {code}: {err}")
        rows = list(csv.DictReader(io.StringIO(out, newline="")))
        expect([r["invocationArn"] for r in rows] == [e["invocationArn"] for e in expected], "csv rows differ")
        expect([r["failureMessage"] for r in rows] == [e.get("failureMessage", "") for e in expected],
               "csv failure messages differ")

    @check("bad input fails in both; ours with 252 and nothing on stdout")
    def _():
        cases = [["--page-size", "0"], ["--status-equals", "Bogus"], ["--submit-time-after", "yesterday-ish"],
                 ["--no-paginate", "--max-items", "3"]]
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            results = [(args, pool.submit(tools.both, args)) for args in cases]
        for args, future in results:
            (aws_code, _, _), (code, out, err) = future.result()
            expect(aws_code != 0, f"aws accepted {args}")
            expect(code == USAGE_EXIT and out == "" and len(err.strip().splitlines()) == 1,
                   f"ours on {args}: exit {code}, stdout {out[:80]!r}, stderr {err.strip()!r}")

    @check("--output text and --query: the AWS CLI's bytes, for each case of the golden cases file")
    def _():
        golden = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden",
                              "aws-cli-text-query", "cases.txt")
        with open(golden, encoding="utf-8") as f:
            cases = [line.rstrip("\n").split(" ") for line in f if line.strip() and not line.startswith("#")]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            results = [(case, pool.submit(tools.both, case)) for case in cases]
        for case, future in results:
            (aws_code, aws_out, aws_err), (code, out, err) = future.result()
            expect(aws_code == 0 and code == 0, f"{' '.join(case)}: exit {aws_code} and {code}: {aws_err}{err}")
            expect(out == aws_out, f"{' '.join(case)}: the output differs from the AWS CLI's")

    @check("profile, region and credentials: the same signing key and region, or the same one-line error")
    def _():
        signing = SigningRecorder()
        try:
            for name, env, args in CONFIGURATION_CASES:
                results = {}
                for tool in ("aws", "ours"):
                    results[tool] = signing.run(tools, tool, env, args)
                (aws_code, aws_err, aws_key), (code, err, key) = results["aws"], results["ours"]
                expect(key == aws_key, f"{name}: signed with {key}, the AWS CLI with {aws_key}")
                expect(err == aws_err, f"{name}: said {err!r}, the AWS CLI {aws_err!r}")
                # AWS CLI v1 exits 255 for every error; we exit as v2 does, 253 for configuration.
                expect((code == 0) == (aws_code == 0) and (code in (0, CONFIGURATION_EXIT)),
                       f"{name}: exit {code}, the AWS CLI's {aws_code}")
        finally:
            signing.close()

    passed, failed = checks.run(verbose, workers=6)
    print(f"cli conformance: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
