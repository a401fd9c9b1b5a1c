#!/usr/bin/env python3
"""Lists from a running Bedrock Runtime emulator with boto3's real paginator, for BotoInteropTest.

Usage: boto3_lister_conformance.py ENDPOINT SCENARIOS.json

SCENARIOS.json is written by the Java test:
  {"scenarios": [{"name": ..., "query": {"submitTimeAfter": ISO|null, "submitTimeBefore": ISO|null,
                   "statusEquals": str|null, "sortBy": str|null, "sortOrder": str|null},
                  "pagination": {"MaxItems": int|null, "PageSize": int|null, "StartingToken": str|null},
                  "resumeToken": str|null}]}
For each scenario it prints what boto3 lists with that query and PaginationConfig (items as invocation ARNs, in
order, and build_full_result()'s NextToken), and, when resumeToken (a token from the Java lister) is set, the
items boto3 lists when resumed from it with the same PageSize and no MaxItems. The result is one JSON document on
stdout: {"botocore": VERSION, "scenarios": [{"name", "items", "nextToken", "resumedItems"}]}.
"""
import datetime
import json
import sys

import boto3
import botocore


def parse_time(value):
    if value is None:
        return None
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))


def kwargs_for(query):
    kwargs = {}
    for key in ("submitTimeAfter", "submitTimeBefore"):
        if query.get(key) is not None:
            kwargs[key] = parse_time(query[key])
    for key in ("statusEquals", "sortBy", "sortOrder"):
        if query.get(key) is not None:
            kwargs[key] = query[key]
    return kwargs


def pagination_config(pagination):
    return {key: value for key, value in pagination.items() if value is not None}


def arns(result):
    return [summary["invocationArn"] for summary in result.get("asyncInvokeSummaries", [])]


def main():
    endpoint, scenarios_path = sys.argv[1], sys.argv[2]
    with open(scenarios_path, encoding="utf-8") as f:
        scenarios = json.load(f)["scenarios"]
    client = boto3.client(
        "bedrock-runtime",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    paginator = client.get_paginator("list_async_invokes")
    out = []
    for scenario in scenarios:
        kwargs = kwargs_for(scenario["query"])
        config = pagination_config(scenario["pagination"])
        result = paginator.paginate(PaginationConfig=config, **kwargs).build_full_result()
        entry = {"name": scenario["name"], "items": arns(result), "nextToken": result.get("NextToken")}
        if scenario.get("resumeToken") is not None:
            resume_config = {"StartingToken": scenario["resumeToken"]}
            if "PageSize" in config:
                resume_config["PageSize"] = config["PageSize"]
            resumed = paginator.paginate(PaginationConfig=resume_config, **kwargs).build_full_result()
            entry["resumedItems"] = arns(resumed)
        out.append(entry)
    json.dump({"botocore": botocore.__version__, "scenarios": out}, sys.stdout)


if __name__ == "__main__":
    main()
