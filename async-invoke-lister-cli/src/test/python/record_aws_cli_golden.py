#!/usr/bin/env python3
"""Records what the AWS CLI prints for each case of src/test/resources/golden/aws-cli-text-query/cases.txt.

Usage: record_aws_cli_golden.py [CLI_JAR]

It starts the jar's emulator with 60 invocations (seed 42), runs `aws bedrock-runtime list-async-invokes` with each
case's flags (split on spaces; no case has a space in a flag's value) and writes NN.out beside cases.txt. The Java
test AwsCliGoldenTest compares this tool's output with those files, where the AWS CLI is not installed too.
"""
import os
import subprocess
import sys

from conformance import REGION, aws_environment, emulator, newest_jar

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "..", "resources", "golden", "aws-cli-text-query")


def main():
    jar = sys.argv[1] if len(sys.argv) > 1 else newest_jar("record golden")
    env = aws_environment()
    with open(os.path.join(GOLDEN, "cases.txt"), encoding="utf-8") as f:
        cases = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]
    with emulator(jar, env, ["--items", "60", "--seed", "42"], "record golden") as endpoint:
        for number, case in enumerate(cases, start=1):
            done = subprocess.run(["aws", "bedrock-runtime", "list-async-invokes", "--endpoint-url", endpoint,
                                   "--region", REGION] + case.split(" "), env=env, capture_output=True, timeout=120)
            if done.returncode != 0:
                sys.exit(f"case {number} failed: {done.stderr.decode('utf-8')}")
            with open(os.path.join(GOLDEN, f"{number:02d}.out"), "wb") as out:
                out.write(done.stdout)
    print(f"recorded {len(cases)} cases")


if __name__ == "__main__":
    sys.exit(main())
