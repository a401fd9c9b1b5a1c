"""What the conformance scripts share: the CLI's -all jar, an environment in which the AWS CLI and boto3 use dummy
credentials and no configuration of the user's, and the CLI's standalone emulator as a child process."""
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
