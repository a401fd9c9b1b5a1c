"""What the conformance scripts share: the CLI's -all jar, an environment in which the AWS CLI and boto3 use dummy
credentials and no configuration of the user's, and the CLI's standalone emulator as a child process."""
import concurrent.futures
import contextlib
import glob
import os
import re
import subprocess
import sys
import tempfile

REGION = "us-east-1"

# The CLI module's build directory, wherever the script is run from.
TARGET = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "target")


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def newest_jar(who):
    jars = glob.glob(os.path.join(TARGET, "async-invoke-lister-cli-*-all.jar"))
    if not jars:
        sys.exit(f"{who}: no async-invoke-lister-cli/target/async-invoke-lister-cli-*-all.jar; run ./mvnw package first")
    return max(jars, key=os.path.getmtime)


def aws_environment():
    """os.environ without AWS_ settings, then dummy credentials, empty config files and no retries' surprises."""
    workdir = tempfile.mkdtemp(prefix="conformance-")
    config = os.path.join(workdir, "config")
    with open(config, "w", encoding="utf-8") as f:
        # "wire" is AWS CLI v1's default and keeps v2 from reformatting timestamps.
        f.write("[default]\ncli_timestamp_format = wire\n")
    credentials = os.path.join(workdir, "credentials")
    open(credentials, "w", encoding="utf-8").close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({
        "AWS_ACCESS_KEY_ID": "dummy", "AWS_SECRET_ACCESS_KEY": "dummy",
        "AWS_CONFIG_FILE": config, "AWS_SHARED_CREDENTIALS_FILE": credentials,
        "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": "",
    })
    return env


@contextlib.contextmanager
def emulator(jar, env, flags, who):
    """Runs `java -jar jar emulator --port 0 flags...` and yields its endpoint; stops it on the way out."""
    process = subprocess.Popen(["java", "-jar", jar, "emulator", "--port", "0", *flags], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env)
    try:
        first = process.stdout.readline().decode("utf-8")
        match = re.search(r"listening on (http://\S+)", first)
        if not match:
            sys.exit(f"{who}: the emulator did not start: {first!r}")
        yield match.group(1)
    finally:
        process.terminate()
        process.wait(10)


class Checks:
    """Named checks: register with the `check(name)` decorator, then `run` them and count."""

    def __init__(self):
        self._checks = []

    def check(self, name):
        def register(function):
            self._checks.append((name, function))
            return function
        return register

    def run(self, verbose, workers=1):
        """Runs every check, `workers` at a time (1: in order), printing failures; returns (passed, failed)."""
        passed = failed = 0
        with concurrent.futures.ThreadPoolExecutor(workers) as pool:
            futures = [(name, pool.submit(function)) for name, function in self._checks]
            for name, future in futures:
                try:
                    future.result()
                    passed += 1
                    if verbose:
                        print(f"  ok    {name}")
                except Failure as e:
                    failed += 1
                    print(f"  FAIL  {name}: {e}")
        return passed, failed
