#!/usr/bin/env python3
"""Drives whole async workflows against the standalone emulator with boto3 and with the AWS CLI.

Usage: workflow_conformance.py [-v] [CLI_JAR]

CLI_JAR defaults to the newest async-invoke-lister-cli/target/async-invoke-lister-cli-*-all.jar. The script starts
its emulator in real time (`emulator --port 0 --items 0 --complete-after 5s --fail-after 3s --failed-fraction 0.5
--known-model ...`), then, with boto3 (start_async_invoke, get_async_invoke, the list_async_invokes paginator) and
with `aws bedrock-runtime start-async-invoke / get-async-invoke / list-async-invokes`, checks:

- a started invocation: its ARN's pattern, InProgress with the submit time as last-modified time, the output folder
  named by its ID;
- idempotency: the same clientRequestToken and parameters give the same ARN, other parameters a ConflictException;
- validation errors (pattern, tag count), an unknown model (ResourceNotFoundException);
- transitions: after their durations, each is Completed or Failed (with the failure message), with the end time
  exactly its duration after submission, the same through Get and List;
- the status filters: InProgress, then Completed and Failed, together all of them, newest first.

Each half skips with a message when its client (boto3, or aws) is missing. It prints a line per failed check (per
check with -v) and `workflow conformance: N passed, M failed, K skipped`, and exits 1 if any failed.
"""
import datetime
import json
import re
import shutil
import subprocess
import sys
import time

from conformance import REGION, Checks, Failure, aws_environment, emulator, expect, newest_jar

COMPLETE_AFTER = 5.0
FAIL_AFTER = 3.0
FAILURE_MESSAGE = "Internal server error. Please try again."
MODELS = ["amazon.nova-reel-v1:1", "luma.ray-v2:0"]
ARN = re.compile(r"arn:aws:bedrock:us-east-1:123456789012:async-invoke/([a-z0-9]{12})\Z")
INPUT = {"taskType": "TEXT_VIDEO", "textToVideoParams": {"text": "a lighthouse at dawn"},
         "videoGenerationConfig": {"durationSeconds": 6, "fps": 24, "dimension": "1280x720"}}

def output_config(folder):
    return {"s3OutputDataConfig": {"s3Uri": f"s3://video-bucket/{folder}/"}}


def check_started(invocation, arn, folder, token):
    """What GetAsyncInvoke or a summary shows of a just-started invocation."""
    invocation_id = ARN.match(arn).group(1)
    expect(invocation["invocationArn"] == arn, f"another ARN: {invocation['invocationArn']}")
    expect(invocation["status"] == "InProgress", f"{arn} is {invocation['status']}, not InProgress")
    expect(invocation["lastModifiedTime"] == invocation["submitTime"], "lastModifiedTime is not the submit time")
    expect("endTime" not in invocation and "failureMessage" not in invocation, "an InProgress one has ended")
    expect(invocation["outputDataConfig"]["s3OutputDataConfig"]["s3Uri"]
           == f"s3://video-bucket/{folder}/{invocation_id}", "the output is not in a folder named by the ID")
    expect(invocation.get("clientRequestToken") == token, "the clientRequestToken is not the one sent")


def check_ended(invocation):
    """An ended invocation: Completed or Failed, ended exactly its duration after submission."""
    status = invocation["status"]
    expect(status in ("Completed", "Failed"), f"{invocation['invocationArn']} is still {status}")
    took = (invocation["endTime"] - invocation["submitTime"]).total_seconds()
    expect(took == (COMPLETE_AFTER if status == "Completed" else FAIL_AFTER),
           f"a {status} invocation ended {took} s after submission")
    expect(invocation["lastModifiedTime"] == invocation["endTime"], "lastModifiedTime is not the end time")
    if status == "Failed":
        expect(invocation.get("failureMessage") == FAILURE_MESSAGE, "a Failed one lacks its failure message")
    else:
        expect("failureMessage" not in invocation, "a Completed one has a failure message")
    return status


def wait_until_ended(submitted):
    left = max(submitted) + COMPLETE_AFTER + 0.5 - time.time()
    if left > 0:
        time.sleep(left)


def boto3_checks(endpoint, check):
    import boto3
    import botocore.config
    import botocore.exceptions

    client = boto3.client("bedrock-runtime", endpoint_url=endpoint, region_name=REGION,
                          aws_access_key_id="dummy", aws_secret_access_key="dummy",
                          config=botocore.config.Config(retries={"mode": "standard", "max_attempts": 1}))
    started = []

    def error_code(call):
        try:
            call()
        except botocore.exceptions.ClientError as e:
            return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"], \
                e.response["Error"]["Message"]
        raise Failure("the call succeeded")

    @check("boto3: start_async_invoke, then get_async_invoke shows it InProgress")
    def _():
        for i in range(12):
            token = f"boto3-{i}"
            arn = client.start_async_invoke(modelId=MODELS[i % 2], modelInput=INPUT,
                                            outputDataConfig=output_config("boto3"), clientRequestToken=token,
                                            tags=[{"key": "team", "value": "video"}])["invocationArn"]
            expect(ARN.match(arn), f"ARN {arn} does not match the model's pattern")
            started.append((arn, time.time()))
            check_started(client.get_async_invoke(invocationArn=arn), arn, "boto3", token)
        expect(len({arn for arn, _ in started}) == 12, "two invocations share an ARN")

    @check("boto3: the same token and parameters give the same ARN")
    def _():
        again = client.start_async_invoke(modelId=MODELS[0], modelInput=INPUT, outputDataConfig=output_config("boto3"),
                                          clientRequestToken="boto3-0", tags=[{"key": "team", "value": "video"}])
        expect(again["invocationArn"] == started[0][0], "a retried request started another invocation")

    @check("boto3: the same token with other parameters is a ConflictException")
    def _():
        code, status, message = error_code(lambda: client.start_async_invoke(
            modelId=MODELS[0], modelInput={"taskType": "TEXT_VIDEO"}, outputDataConfig=output_config("boto3"),
            clientRequestToken="boto3-0", tags=[{"key": "team", "value": "video"}]))
        expect((code, status) == ("ConflictException", 400), f"{code} {status}")

    @check("boto3: without a token, boto3 makes one, so each call starts an invocation")
    def _():
        arns = []
        for _ in range(2):
            arns.append(client.start_async_invoke(modelId=MODELS[0], modelInput=INPUT,
                                                  outputDataConfig=output_config("boto3"))["invocationArn"])
            started.append((arns[-1], time.time()))
        expect(len(set(arns)) == 2, "two calls without a token gave one invocation")

    @check("boto3: validation errors name the member")
    def _():
        code, status, message = error_code(lambda: client.start_async_invoke(
            modelId="bad model!", modelInput=INPUT, outputDataConfig=output_config("boto3")))
        expect((code, status) == ("ValidationException", 400) and "'modelId'" in message, f"{code}: {message}")
        code, _, message = error_code(lambda: client.start_async_invoke(
            modelId=MODELS[0], modelInput=INPUT, outputDataConfig={"s3OutputDataConfig": {"s3Uri": "http://x/y"}}))
        expect(code == "ValidationException" and "s3Uri" in message, f"{code}: {message}")
        code, _, message = error_code(lambda: client.start_async_invoke(
            modelId=MODELS[0], modelInput=INPUT, outputDataConfig=output_config("boto3"),
            tags=[{"key": f"k{i}", "value": "v"} for i in range(201)]))
        expect(code == "ValidationException" and "'tags'" in message, f"{code}: {message}")

    @check("boto3: a model the emulator does not know is a ResourceNotFoundException")
    def _():
        code, status, _ = error_code(lambda: client.start_async_invoke(
            modelId="amazon.nova-reel-v9:0", modelInput=INPUT, outputDataConfig=output_config("boto3")))
        expect((code, status) == ("ResourceNotFoundException", 404), f"{code} {status}")

    @check("boto3: the paginator lists what is in progress, newest first")
    def _():
        pages = client.get_paginator("list_async_invokes").paginate(
            statusEquals="InProgress", PaginationConfig={"PageSize": 5})
        listed = [s["invocationArn"] for page in pages for s in page["asyncInvokeSummaries"]]
        expect(set(arn for arn, _ in started) <= set(listed), "a started invocation is not listed as InProgress")
        ours = [arn for arn in listed if arn in dict(started)]
        order = sorted(started, key=lambda s: s[1], reverse=True)
        expect(ours == [arn for arn, _ in order], "not newest first")

    @check("boto3: after their durations each is Completed or Failed, the same through Get and List")
    def _():
        wait_until_ended([t for _, t in started])
        statuses = {}
        for arn, _ in started:
            got = client.get_async_invoke(invocationArn=arn)
            statuses[arn] = check_ended(got)
        expect(set(statuses.values()) == {"Completed", "Failed"}, f"only {set(statuses.values())}")
        paginator = client.get_paginator("list_async_invokes")
        for status in ("Completed", "Failed"):
            listed = {s["invocationArn"]: s for page in paginator.paginate(statusEquals=status,
                                                                         PaginationConfig={"PageSize": 3})
                      for s in page["asyncInvokeSummaries"]}
            for arn, seen in statuses.items():
                expect((arn in listed) == (seen == status), f"{arn} is {seen} by Get but List disagrees")
                if arn in listed:
                    check_ended(listed[arn])
        in_progress = [s for page in paginator.paginate(statusEquals="InProgress") for s in
                       page["asyncInvokeSummaries"] if s["invocationArn"] in statuses]
        expect(not in_progress, "an ended invocation is still listed as InProgress")
        # MaxItems stops in the middle of a page, and StartingToken goes on from there.
        first = paginator.paginate(PaginationConfig={"MaxItems": 4, "PageSize": 3}).build_full_result()
        rest = paginator.paginate(PaginationConfig={"StartingToken": first["NextToken"], "PageSize": 3}) \
            .build_full_result()
        both = [s["invocationArn"] for s in first["asyncInvokeSummaries"] + rest["asyncInvokeSummaries"]]
        expect(len(both) == len(set(both)) and set(statuses) <= set(both), "resuming lost or repeated items")


def aws_checks(endpoint, env, check):
    common = ["--endpoint-url", endpoint, "--region", REGION, "--output", "json"]
    started = []

    def aws(*args):
        done = subprocess.run(["aws", "bedrock-runtime", *args, *common], env=env, capture_output=True, timeout=120)
        return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")

    def start(token, model_input=INPUT, model=MODELS[1]):
        return aws("start-async-invoke", "--model-id", model, "--model-input", json.dumps(model_input),
                   "--output-data-config", json.dumps(output_config("cli")), "--client-request-token", token,
                   "--tags", "key=team,value=video")

    def timestamps(invocation):
        for name in ("submitTime", "lastModifiedTime", "endTime"):
            if name in invocation:
                invocation[name] = datetime.datetime.fromisoformat(invocation[name].replace("Z", "+00:00"))
        return invocation

    @check("aws: start-async-invoke, then get-async-invoke shows it InProgress and the listing has it first")
    def _():
        for i in range(3):
            code, out, err = start(f"cli-{i}")
            expect(code == 0, f"exit {code}: {err.strip()}")
            arn = json.loads(out)["invocationArn"]
            expect(ARN.match(arn), f"ARN {arn} does not match the model's pattern")
            started.append((arn, time.time()))
            code, out, err = aws("get-async-invoke", "--invocation-arn", arn)
            expect(code == 0, f"get: exit {code}: {err.strip()}")
            check_started(timestamps(json.loads(out)), arn, "cli", f"cli-{i}")
            # Newest first: the one just started leads what is in progress. (The AWS CLI takes about a second a
            # call, well inside the shortest duration.)
            code, out, err = aws("list-async-invokes", "--status-equals", "InProgress", "--max-items", "1")
            expect(code == 0, f"list: exit {code}: {err.strip()}")
            expect([s["invocationArn"] for s in json.loads(out)["asyncInvokeSummaries"]] == [arn],
                   "the invocation just started is not the first one in progress")

    @check("aws: the same --client-request-token gives the same ARN; other parameters a ConflictException")
    def _():
        code, out, _ = start("cli-0")
        expect(code == 0 and json.loads(out)["invocationArn"] == started[0][0], "a retry started another one")
        code, _, err = start("cli-0", model_input={"taskType": "TEXT_VIDEO"})
        expect(code != 0 and "ConflictException" in err, f"exit {code}: {err.strip()}")

    @check("aws: validation errors and an unknown model")
    def _():
        code, _, err = start("cli-bad", model="bad model!")
        expect(code != 0 and "ValidationException" in err and "'modelId'" in err, f"exit {code}: {err.strip()}")
        code, _, err = start("cli-unknown", model="amazon.nova-reel-v9:0")
        expect(code != 0 and "ResourceNotFoundException" in err, f"exit {code}: {err.strip()}")

    @check("aws: list-async-invokes --status-equals after the transitions")
    def _():
        wait_until_ended([t for _, t in started])
        seen = {}
        for status in ("Completed", "Failed", "InProgress"):
            code, out, err = aws("list-async-invokes", "--status-equals", status, "--page-size", "2")
            expect(code == 0, f"exit {code}: {err.strip()}")
            for summary in json.loads(out)["asyncInvokeSummaries"]:
                if summary["invocationArn"] in dict(started):
                    seen[summary["invocationArn"]] = check_ended(timestamps(summary))
        expect(set(seen) == set(arn for arn, _ in started), "an ended invocation is missing from the listings")
        code, out, _ = aws("get-async-invoke", "--invocation-arn", started[0][0])
        expect(timestamps(json.loads(out))["status"] == seen[started[0][0]], "Get and List disagree")


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    jar = args[0] if args else newest_jar("workflow conformance")
    try:
        import boto3  # noqa: F401
        have_boto3 = True
    except ImportError:
        have_boto3 = False
    have_aws = shutil.which("aws") is not None
    if not have_boto3 and not have_aws:
        print("workflow conformance: skipped, neither boto3 nor the AWS CLI (aws) is installed")
        return 0

    env = aws_environment()
    env["AWS_MAX_ATTEMPTS"] = "1"
    flags = ["--items", "0", "--complete-after", f"{int(COMPLETE_AFTER)}s", "--fail-after", f"{int(FAIL_AFTER)}s",
             "--failed-fraction", "0.5"]
    for model in MODELS:
        flags += ["--known-model", model]
    with emulator(jar, env, flags, "workflow conformance") as endpoint:
        checks = Checks()
        check = checks.check

        skipped = 0
        if have_boto3:
            boto3_checks(endpoint, check)
        else:
            print("workflow conformance: boto3 checks skipped, boto3 is not installed")
            skipped += 1
        if have_aws:
            aws_checks(endpoint, env, check)
        else:
            print("workflow conformance: AWS CLI checks skipped, the AWS CLI (aws) is not installed")
            skipped += 1

        # In order: the later checks wait for the invocations the earlier ones started.
        passed, failed = checks.run(verbose)
        print(f"workflow conformance: {passed} passed, {failed} failed, {skipped} skipped")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
