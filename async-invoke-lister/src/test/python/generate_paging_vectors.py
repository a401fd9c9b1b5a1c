#!/usr/bin/env python3
"""Generate golden paging vectors for Bedrock Runtime ``ListAsyncInvokes`` from botocore's real paginator.

What it does
------------
Each scenario pairs a scripted fake server with a boto3-style ``PaginationConfig``
(``MaxItems``, ``PageSize``, ``StartingToken``). The scenario is run through botocore's
*unmodified* paging code: a real ``bedrock-runtime`` client built by ``botocore.session``
(unsigned, region us-east-1), whose ``list_async_invokes`` paginator
(``botocore.paginate.Paginator`` / ``PageIterator``, config from botocore's own
``paginators-1.json``: input/output token ``nextToken``, limit key ``maxResults``, result key
``asyncInvokeSummaries``) is iterated. Every call is short-circuited at the client's
``before-call`` event, so parameter validation and the paginator run for real but no HTTP
request is made; the scripted server answers instead and every request that reached it is
recorded. A call that fails botocore's parameter validation never reaches the server and is
not recorded.

Two kinds of scripted server:

* ``script``: fixed pages keyed by the request's ``nextToken`` (``null`` = no token), ignoring
  ``maxResults``. A page's ``nextToken`` is a string, ``""`` (botocore treats it as the end)
  or ``null`` (the key is left out of the response). A request whose token has no page fails.
* ``offset``: a dataset ``items`` and a ``defaultPageSize`` (used when the request has no
  ``maxResults``). Tokens are ``tok/<offset>+=``; ``maxResults`` is honoured; a ``nextToken``
  is returned only while items remain.

For every scenario the generator records what botocore sent (``requests``), the pages it
yielded after its own slicing (``pages``), the flattened ``items``, its ``NextToken``
(the page iterator's ``resume_token``, cross-checked against ``build_full_result()``), the
exception class name if it raised (``error``) and whether it loops forever (``loops``: the
fake server stops it after 30 requests). It then computes the *correct* items (``truth``)
independently (from the dataset for offset servers; by walking the scripted pages, stopping
at the first token already seen, for script servers), ``resumesTo`` (first item botocore
yields when resumed from its ``NextToken`` with the same server and ``PageSize`` and
``MaxItems=1``; ``null`` if there is no token or the resumed run yields nothing), and
``listerRejects`` (why the Java library must reject the starting token with
``IllegalArgumentException`` before any request; its ``truth.items`` is then ``[]``).
Scenarios declare ``botocoreWrong`` by hand; the generator fails loudly unless, for every
vector the lister does not reject, botocore's items equal the truth exactly when
``botocoreWrong`` is null.

Chained scenarios take the ``NextToken`` botocore produced for an earlier vector as their
``StartingToken``.

How to regenerate
-----------------
From the Maven project root (``/work/main``), with Python 3.11 and botocore 1.43.11 installed::

    python3 async-invoke-lister/src/test/python/generate_paging_vectors.py

It writes ``async-invoke-lister/src/test/resources/golden/paging-vectors.json`` (or the path given as the only
argument). The output is deterministic: the same bytes on every run. No network is used.
"""

import base64
import binascii
import copy
import json
import os
import re
import sys
from pathlib import Path

import botocore
import botocore.session
from botocore import UNSIGNED
from botocore.config import Config

EXPECTED_BOTOCORE_VERSION = "1.43.11"
GENERATED_BY = "src/test/python/generate_paging_vectors.py"
DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "golden" / "paging-vectors.json"
REQUEST_BOUND = 30
SERVICE = "bedrock-runtime"
OPERATION = "ListAsyncInvokes"


class UnknownTokenError(Exception):
    """The scripted server got a token it has no page for."""


class RequestBoundReached(Exception):
    """botocore asked for more pages than REQUEST_BOUND: it would loop forever."""


class Rejected(Exception):
    """The starting token is one the Java library must reject."""


# ---------------------------------------------------------------------------------------------
# Scripted servers
# ---------------------------------------------------------------------------------------------

def ids(prefix, first, last):
    return [f"{prefix}{n:02d}" for n in range(first, last + 1)]


def script(*pages):
    """pages: (token, items, nextToken) triples."""
    tokens = [p[0] for p in pages]
    assert len(tokens) == len(set(tokens)), f"duplicate page tokens: {tokens}"
    return {
        "kind": "script",
        "pages": [{"token": t, "items": list(items), "nextToken": nt} for t, items, nt in pages],
    }


def offset_server(items, default_page_size):
    return {"kind": "offset", "items": list(items), "defaultPageSize": default_page_size}


OFFSET_TOKEN = re.compile(r"tok/(0|[1-9][0-9]*)\+=\Z")


def offset_token(offset):
    return f"tok/{offset}+="


def parse_offset_token(token):
    match = OFFSET_TOKEN.match(token)
    if match is None:
        raise UnknownTokenError(f"offset server cannot parse token {token!r}")
    return int(match.group(1))


def respond(server, next_token, max_results):
    """The scripted server's answer to one request."""
    if server["kind"] == "script":
        for page in server["pages"]:
            if page["token"] == next_token:
                response = {"asyncInvokeSummaries": list(page["items"])}
                if page["nextToken"] is not None:
                    response["nextToken"] = page["nextToken"]
                return response
        raise UnknownTokenError(f"script server has no page for token {next_token!r}")
    if server["kind"] == "offset":
        items = server["items"]
        start = 0 if next_token is None else parse_offset_token(next_token)
        size = server["defaultPageSize"] if max_results is None else max_results
        chunk = items[start:start + size]
        response = {"asyncInvokeSummaries": list(chunk)}
        end = start + len(chunk)
        if end < len(items):
            response["nextToken"] = offset_token(end)
        return response
    raise AssertionError(f"unknown server kind {server['kind']!r}")


# ---------------------------------------------------------------------------------------------
# botocore harness
# ---------------------------------------------------------------------------------------------

class _FakeHttpResponse:
    status_code = 200
    headers = {}
    content = b""


class BotocoreHarness:
    """A real bedrock-runtime client whose calls are answered by a scripted server."""

    def __init__(self):
        session = botocore.session.Session()
        # Keep any local AWS configuration out of the run.
        session.set_config_variable("config_file", os.devnull)
        session.set_config_variable("credentials_file", os.devnull)
        self._client = session.create_client(
            SERVICE,
            region_name="us-east-1",
            config=Config(signature_version=UNSIGNED, retries={"max_attempts": 0, "mode": "standard"}),
        )
        events = self._client.meta.events
        events.register(f"before-parameter-build.{SERVICE}.{OPERATION}", self._capture,
                        unique_id="paging-vectors-capture")
        events.register(f"before-call.{SERVICE}.{OPERATION}", self._serve, unique_id="paging-vectors-serve")
        self._server = None
        self._pending = None
        self.requests = []

    def _capture(self, params, **kwargs):
        self._pending = dict(params)

    def _serve(self, **kwargs):
        params, self._pending = self._pending, None
        unexpected = sorted(set(params) - {"nextToken", "maxResults"})
        assert not unexpected, f"unexpected request parameters reached the server: {unexpected}"
        if len(self.requests) >= REQUEST_BOUND:
            raise RequestBoundReached()
        request = {"nextToken": params.get("nextToken"), "maxResults": params.get("maxResults")}
        self.requests.append(request)
        return _FakeHttpResponse(), respond(self._server, request["nextToken"], request["maxResults"])

    def _paginate(self, server, config):
        self._server = server
        self._pending = None
        self.requests = []
        pagination_config = {key: value for key, value in config.items() if value is not None}
        paginator = self._client.get_paginator("list_async_invokes")
        return paginator.paginate(PaginationConfig=pagination_config)

    def run(self, server, config):
        page_iterator = self._paginate(server, config)
        pages, error, loops = [], None, False
        try:
            for page in page_iterator:
                summaries = page.get("asyncInvokeSummaries")
                pages.append(list(summaries) if summaries is not None else [])
        except RequestBoundReached:
            loops = True
        except Exception as exc:  # record whatever botocore raised
            error = type(exc).__name__
        result = {
            "requests": copy.deepcopy(self.requests),
            "pages": pages,
            "items": [item for page in pages for item in page],
            "nextToken": page_iterator.resume_token,
            "error": error,
            "loops": loops,
        }
        if error is None and not loops:
            self._cross_check_full_result(server, config, result)
        return result

    def _cross_check_full_result(self, server, config, result):
        full = self._paginate(server, config).build_full_result()
        assert full.get("asyncInvokeSummaries", []) == result["items"], (full, result)
        assert full.get("NextToken") == result["nextToken"], (full, result)
        assert self.requests == result["requests"], (self.requests, result)

    def first_item_on_resume(self, server, page_size, token):
        if token is None:
            return None
        run = self.run(server, {"MaxItems": 1, "PageSize": page_size, "StartingToken": token})
        return run["items"][0] if run["items"] else None


# ---------------------------------------------------------------------------------------------
# Independent truth
# ---------------------------------------------------------------------------------------------

def decode_starting_token(token):
    """(service token or None, items to skip on the first page), or Rejected(reason).

    Understands botocore's token (base64 of a JSON object holding nextToken and optionally
    boto_truncate_amount), its deprecated TOKEN___OFFSET form and raw service tokens.
    """
    if token is None:
        return None, 0
    try:
        decoded = json.loads(base64.b64decode(token.encode("utf-8"), validate=True).decode("utf-8"))
        is_botocore_token = True
    except (binascii.Error, UnicodeDecodeError, ValueError):
        decoded, is_botocore_token = None, False  # not base64 JSON: deprecated or raw
    if is_botocore_token:
        # botocore crashes on JSON strings, numbers and null, and sends a JSON list on as a raw token.
        if not isinstance(decoded, dict):
            raise Rejected("starting token JSON is not an object")
        if set(decoded) - {"nextToken", "boto_truncate_amount"}:
            raise Rejected("unknown key in starting token")
        skip = decoded.get("boto_truncate_amount", 0)
        if not isinstance(skip, int) or isinstance(skip, bool):
            raise Rejected("boto_truncate_amount is not an integer")
        if skip < 0:
            raise Rejected("negative boto_truncate_amount")
        service_token = decoded.get("nextToken")
        return (None if service_token == "None" else service_token), skip
    parts = token.split("___")
    if len(parts) > 2:
        raise Rejected("deprecated-format token has more parts than input tokens")
    if len(parts) == 2 and re.fullmatch(r"[0-9]+", parts[1]):
        service_token, skip = parts[0], int(parts[1])
    else:
        service_token, skip = token, 0
    return (None if service_token == "None" else service_token), skip


def truth_items(server, config):
    service_token, skip = decode_starting_token(config["StartingToken"])
    max_items = config["MaxItems"]
    if server["kind"] == "offset":
        start = (0 if service_token is None else parse_offset_token(service_token)) + skip
        remaining = server["items"][start:]
        return remaining if max_items is None else remaining[:max_items]
    pages = {page["token"]: page for page in server["pages"]}
    seen = set() if service_token is None else {service_token}
    token, collected, first = service_token, [], True
    while max_items is None or len(collected) < max_items:
        page = pages[token]
        collected.extend(page["items"][skip:] if first else page["items"])
        first = False
        token = page["nextToken"]
        if not token or token in seen:  # end of listing, or a token already seen: stop
            break
        seen.add(token)
    return collected if max_items is None else collected[:max_items]


# ---------------------------------------------------------------------------------------------
# Scenarios
# ---------------------------------------------------------------------------------------------

def botocore_token(value):
    """A token in botocore's format, built from a dict (for hand-made bad tokens)."""
    return base64.b64encode(json.dumps(value).encode("utf-8")).decode("utf-8")


def raw_base64(text):
    return base64.b64encode(text.encode("utf-8")).decode("utf-8")


S_ONE = script((None, ids("i", 1, 3), None))
S_MULTI = script(
    (None, ids("i", 1, 3), "T1"),
    ("T1", ids("i", 4, 6), "T2"),
    ("T2", ids("i", 7, 8), None),
)
S_UNEVEN = script(
    (None, ids("i", 1, 1), "T1"),
    ("T1", ids("i", 2, 6), "T2"),
    ("T2", ids("i", 7, 8), "T3"),
    ("T3", ids("i", 9, 9), ""),
)
S_EMPTY_MIDDLE = script(
    (None, ids("i", 1, 2), "T1"),
    ("T1", [], "T2"),
    ("T2", [], "T3"),
    ("T3", ids("i", 3, 4), None),
)
S_EMPTY_FIRST = script(
    (None, [], "T1"),
    ("T1", ids("i", 1, 2), ""),
)
S_EMPTY_LISTING = script((None, [], None))
S_EMPTY_STRING_END = script(
    (None, ids("i", 1, 2), "T1"),
    ("T1", ids("i", 3, 3), ""),
)
S_TRAILING_EMPTY = script(
    (None, ids("i", 1, 2), "T1"),
    ("T1", [], ""),
)
SPECIAL_1 = "a/b+c=="
SPECIAL_2 = 'q"uo\\te'
# No whitespace: the service's PaginationToken pattern is \S*, and the lister rejects starting tokens that
# break it. \x7f and \x01 still need escaping in the JSON.
SPECIAL_3 = "caf\u00e9\u20ac\x7f\U0001F600\u0001"
S_SPECIAL = script(
    (None, ids("s", 1, 2), SPECIAL_1),
    (SPECIAL_1, ids("s", 3, 4), SPECIAL_2),
    (SPECIAL_2, ids("s", 5, 6), SPECIAL_3),
    (SPECIAL_3, ids("s", 7, 8), ""),
)
S_REPEAT = script(
    (None, ids("i", 1, 2), "T1"),
    ("T1", ids("i", 3, 4), "T1"),
)
S_CYCLE = script(
    (None, ids("i", 1, 1), "A"),
    ("A", ids("i", 2, 2), "B"),
    ("B", ids("i", 3, 3), "A"),
)
S_UNDERSCORE = script(
    (None, ids("i", 1, 2), "A___B"),
    ("A___B", ids("i", 3, 4), None),
)
S_BASE64_NUMBER = script(
    (None, ids("i", 1, 1), "NQ=="),
    ("NQ==", ids("i", 2, 3), None),
)
D10 = offset_server(ids("i", 1, 10), 4)
D14 = offset_server(ids("i", 1, 14), 10)

REPEATS_ON_SMALLER_PAGE = "repeats items when resumed mid-page with a smaller PageSize"


def cfg(max_items=None, page_size=None, start=None):
    """start: None, a literal token string, or ("from", vector_name) for that vector's NextToken."""
    return {"MaxItems": max_items, "PageSize": page_size, "StartingToken": start}


def after(name):
    return ("from", name)


def sc(name, description, server, config, wrong=None, rejects=None):
    return {"name": name, "description": description, "server": server, "config": config,
            "botocoreWrong": wrong, "listerRejects": rejects}


SCENARIOS = [
    # --- page layouts ------------------------------------------------------------------------
    sc("one-page-absent-token", "A single page without a nextToken key.", S_ONE, cfg()),
    sc("several-pages-absent-final-token", "Three pages; the last leaves out nextToken.", S_MULTI, cfg()),
    sc("uneven-pages-empty-string-end", "Pages of 1, 5, 2 and 1 items; the last nextToken is an empty string.",
       S_UNEVEN, cfg()),
    sc("empty-pages-in-middle-with-tokens", "Two empty pages in the middle still carry tokens and are followed.",
       S_EMPTY_MIDDLE, cfg()),
    sc("empty-first-page", "The first page is empty but carries a token.", S_EMPTY_FIRST, cfg()),
    sc("empty-listing", "The only page is empty and has no token.", S_EMPTY_LISTING, cfg()),
    sc("last-page-empty-string-token", "An empty-string nextToken ends the listing.", S_EMPTY_STRING_END, cfg()),
    sc("trailing-empty-page-empty-string-token", "The last page is empty and its nextToken is an empty string.",
       S_TRAILING_EMPTY, cfg()),
    sc("empty-listing-with-page-size", "An empty listing with PageSize set sends maxResults.",
       S_EMPTY_LISTING, cfg(page_size=5)),

    # --- MaxItems on script servers -----------------------------------------------------------
    sc("max-items-at-page-boundary", "MaxItems ends exactly at the first page boundary.", S_MULTI, cfg(max_items=3)),
    sc("max-items-mid-first-page", "MaxItems cuts the first page, whose request had no token.",
       S_MULTI, cfg(max_items=2)),
    sc("max-items-mid-later-page", "MaxItems cuts the second page, requested with token T1.",
       S_MULTI, cfg(max_items=5)),
    sc("max-items-equal-total", "MaxItems equals the number of items, ending on a page without a token.",
       S_MULTI, cfg(max_items=8)),
    sc("max-items-larger-than-total", "MaxItems is larger than the listing.", S_MULTI, cfg(max_items=100)),
    sc("max-items-one", "MaxItems 1 cuts the first page after one item.", S_MULTI, cfg(max_items=1)),
    sc("max-items-boundary-before-empty-pages", "MaxItems ends on a page boundary followed by empty pages.",
       S_EMPTY_MIDDLE, cfg(max_items=2)),
    sc("max-items-boundary-at-empty-string-end", "MaxItems reached on the last page, whose nextToken is empty.",
       S_EMPTY_STRING_END, cfg(max_items=3)),
    sc("max-items-boundary-before-trailing-empty-page",
       "MaxItems ends on a boundary whose token leads only to an empty last page.",
       S_TRAILING_EMPTY, cfg(max_items=2)),
    sc("max-items-mid-big-uneven-page", "MaxItems cuts the five-item second page after two items.",
       S_UNEVEN, cfg(max_items=3)),
    sc("max-items-with-page-size-script-ignores-it", "PageSize is sent as maxResults but the script server ignores it.",
       S_MULTI, cfg(max_items=4, page_size=2)),

    # --- PageSize on the offset server --------------------------------------------------------
    sc("offset-default-page-size", "No PageSize: the server uses its default page size of 4.", D10, cfg()),
    sc("offset-page-size-1", "PageSize 1 makes one request per item.", D10, cfg(page_size=1)),
    sc("offset-page-size-2", "PageSize 2 divides the ten items evenly.", D10, cfg(page_size=2)),
    sc("offset-page-size-3", "PageSize 3 leaves a one-item last page.", D10, cfg(page_size=3)),
    sc("offset-page-size-7", "PageSize 7 gives pages of 7 and 3.", D10, cfg(page_size=7)),
    sc("offset-page-size-equal-dataset", "PageSize equal to the dataset gives one page without a token.",
       D10, cfg(page_size=10)),
    sc("offset-page-size-larger-than-dataset", "PageSize larger than the dataset gives one page.",
       D10, cfg(page_size=50)),
    sc("offset-page-size-3-max-items-5", "MaxItems 5 cuts the second page of 3.", D10, cfg(max_items=5, page_size=3)),
    sc("offset-page-size-2-max-items-4", "MaxItems 4 ends on a page boundary with PageSize 2.",
       D10, cfg(max_items=4, page_size=2)),
    sc("offset-max-items-1-default-page-size", "MaxItems 1 with the server's default page size.",
       D10, cfg(max_items=1)),
    sc("offset-page-size-7-max-items-equal-total", "MaxItems equals the dataset size with PageSize 7.",
       D10, cfg(max_items=10, page_size=7)),
    sc("offset-max-items-larger-than-total", "MaxItems larger than the dataset with PageSize 3.",
       D10, cfg(max_items=25, page_size=3)),

    # --- chains on the offset server ----------------------------------------------------------
    sc("chain-a-1-page-size-10-max-items-9", "A ten-item first page cut at nine items.",
       D14, cfg(max_items=9, page_size=10)),
    sc("chain-a-2-resume-smaller-page-size-2", "Resumes the nine-of-ten cut with PageSize 2.",
       D14, cfg(page_size=2, start=after("chain-a-1-page-size-10-max-items-9")), wrong=REPEATS_ON_SMALLER_PAGE),
    sc("chain-a-2-resume-larger-page-size-20", "Resumes the nine-of-ten cut with PageSize 20.",
       D14, cfg(page_size=20, start=after("chain-a-1-page-size-10-max-items-9"))),
    sc("chain-a-2-resume-same-page-size-max-items-3", "Resumes the nine-of-ten cut with PageSize 10 and MaxItems 3.",
       D14, cfg(max_items=3, page_size=10, start=after("chain-a-1-page-size-10-max-items-9"))),
    sc("chain-a-3-resume-again", "Resumes the previous step's mid-page token with PageSize 10.",
       D14, cfg(page_size=10, start=after("chain-a-2-resume-same-page-size-max-items-3"))),
    sc("chain-b-1-page-size-3-max-items-4", "PageSize 3 and MaxItems 4 cut the second page after one item.",
       D10, cfg(max_items=4, page_size=3)),
    sc("chain-b-2-same-config", "Resumes chain b with the same PageSize and MaxItems.",
       D10, cfg(max_items=4, page_size=3, start=after("chain-b-1-page-size-3-max-items-4"))),
    sc("chain-b-3-same-config", "Resumes chain b a third time and reaches the end.",
       D10, cfg(max_items=4, page_size=3, start=after("chain-b-2-same-config"))),
    sc("chain-b-2-smaller-page-size-1-max-items-2",
       "Resumes a one-item cut with PageSize 1, which happens to land right.",
       D10, cfg(max_items=2, page_size=1, start=after("chain-b-1-page-size-3-max-items-4"))),
    sc("chain-c-2-smaller-page-size-1", "Resumes a two-item cut of a page of 3 with PageSize 1.",
       D10, cfg(page_size=1, start=after("offset-page-size-3-max-items-5")), wrong=REPEATS_ON_SMALLER_PAGE),
    sc("chain-c-2-larger-page-size-7-max-items-2", "Resumes a two-item cut of a page of 3 with PageSize 7 and MaxItems 2.",
       D10, cfg(max_items=2, page_size=7, start=after("offset-page-size-3-max-items-5"))),
    sc("chain-d-2-boundary-token-different-page-size", "Resumes a page-boundary token with PageSize 3.",
       D10, cfg(page_size=3, start=after("offset-page-size-2-max-items-4"))),

    # --- chains on script servers -------------------------------------------------------------
    sc("chain-e-2-mid-page-token-max-items-2", "Resumes the cut of the T1 page with MaxItems 2, cutting the T2 page.",
       S_MULTI, cfg(max_items=2, start=after("max-items-mid-later-page"))),
    sc("chain-e-3-resume-to-end", "Resumes the cut of the T2 page and reaches the end.",
       S_MULTI, cfg(start=after("chain-e-2-mid-page-token-max-items-2"))),
    sc("chain-f-2-mid-page-start-and-cut-same-page",
       "A mid-page starting token cut again on the same page: the new truncate amount adds the starting one.",
       S_UNEVEN, cfg(max_items=2, start=after("max-items-mid-big-uneven-page"))),
    sc("chain-f-3-finish-page-at-boundary", "Resumes inside the T1 page and stops at its end boundary.",
       S_UNEVEN, cfg(max_items=1, start=after("chain-f-2-mid-page-start-and-cut-same-page"))),
    sc("chain-g-2-from-null-request-mid-page-token", "Resumes the cut of the first (token-less) page.",
       S_MULTI, cfg(max_items=4, start=after("max-items-mid-first-page"))),

    # --- deprecated and raw starting tokens ---------------------------------------------------
    sc("deprecated-token-t1-offset-3", "The deprecated form T1___3 requests T1 and skips three items.",
       S_UNEVEN, cfg(start="T1___3")),
    sc("deprecated-token-t1-offset-3-max-items-3",
       "The deprecated form with MaxItems produces a new-format token.",
       S_UNEVEN, cfg(max_items=3, start="T1___3")),
    sc("deprecated-token-none-offset-2", "The deprecated form None___2 requests without a token and skips two items.",
       S_MULTI, cfg(start="None___2")),
    sc("deprecated-token-none-offset-2-offset-server-max-items-1",
       "None___2 on the offset server with MaxItems 1 yields the third item.",
       D10, cfg(max_items=1, start="None___2")),
    sc("raw-service-token-t1", "A raw service token is sent as it is.", S_MULTI, cfg(start="T1")),
    sc("raw-offset-token", "A raw offset-server token with URL-special characters is sent as it is.",
       D10, cfg(page_size=3, start=offset_token(4))),
    sc("raw-token-triple-underscore-non-integer-tail",
       "A raw token containing ___ with a non-integer tail is sent whole.",
       S_UNDERSCORE, cfg(start="A___B")),
    sc("token-with-triple-underscore-boundary", "A service token containing ___ round-trips through a NextToken.",
       S_UNDERSCORE, cfg(max_items=2)),
    sc("raw-token-two-triple-underscores", "A raw token with two ___ separators has too many parts.",
       S_MULTI, cfg(start="x___y___z"), rejects="deprecated-format token has more parts than input tokens"),
    sc("raw-token-literal-none", "The raw token None means no token: the listing starts at the beginning.",
       S_MULTI, cfg(start="None")),
    sc("base64-like-service-token-boundary", "A base64-looking service token round-trips through a NextToken.",
       S_BASE64_NUMBER, cfg(max_items=1)),
    sc("base64-like-service-token-resume", "Resumes from a NextToken wrapping the base64-looking service token NQ==.",
       S_BASE64_NUMBER, cfg(start=after("base64-like-service-token-boundary"))),

    # --- special characters in service tokens -------------------------------------------------
    sc("special-chars-full-listing", "Service tokens with / + = quote backslash and non-ASCII and control characters.",
       S_SPECIAL, cfg()),
    sc("special-chars-boundary-slash-plus-equals", "A page-boundary NextToken wrapping a token with / + and =.",
       S_SPECIAL, cfg(max_items=2)),
    sc("special-chars-mid-page-slash-plus-equals", "A mid-page NextToken wrapping a token with / + and =.",
       S_SPECIAL, cfg(max_items=3)),
    sc("special-chars-mid-page-quote-backslash", "A mid-page NextToken wrapping a token with a quote and a backslash.",
       S_SPECIAL, cfg(max_items=5)),
    sc("special-chars-boundary-unicode-control", "A page-boundary NextToken wrapping non-ASCII, tab and U+0001.",
       S_SPECIAL, cfg(max_items=6)),
    sc("special-chars-mid-page-unicode-control", "A mid-page NextToken wrapping non-ASCII, an emoji, tab and U+0001.",
       S_SPECIAL, cfg(max_items=7)),
    sc("special-chars-resume-quote-backslash", "Resumes the quote-and-backslash mid-page token.",
       S_SPECIAL, cfg(max_items=2, start=after("special-chars-mid-page-quote-backslash"))),
    sc("special-chars-resume-unicode-control", "Resumes the non-ASCII mid-page token.",
       S_SPECIAL, cfg(start=after("special-chars-mid-page-unicode-control"))),
    sc("special-chars-raw-token", "A raw service token with / + and = is sent as it is.",
       S_SPECIAL, cfg(start=SPECIAL_1)),
    sc("special-chars-raw-unicode-token", "A raw non-ASCII service token with a tab is sent as it is.",
       S_SPECIAL, cfg(start=SPECIAL_3)),

    # --- repeated tokens and cycles -----------------------------------------------------------
    sc("same-next-token-twice", "The server returns T1 twice in a row: botocore raises after yielding both pages.",
       S_REPEAT, cfg()),
    sc("same-next-token-twice-max-items-boundary", "MaxItems stops on the boundary before the repeat is noticed.",
       S_REPEAT, cfg(max_items=4)),
    sc("starting-token-echoed-back", "Starting at T1, the server answers T1 again: botocore fetches that page twice.",
       S_REPEAT, cfg(start="T1"),
       wrong="yields the page twice: the repeated-token check does not count the starting token"),
    sc("token-cycle-a-b-a", "Tokens cycle A, B, A: botocore never stops (bounded at 30 requests).",
       S_CYCLE, cfg(), wrong="loops forever on a token cycle: it only detects a token repeated back to back"),
    sc("token-cycle-a-b-a-max-items-5", "Tokens cycle A, B, A: MaxItems stops botocore after repeated items.",
       S_CYCLE, cfg(max_items=5), wrong="follows the token cycle and repeats items until MaxItems"),

    # --- bad starting tokens ------------------------------------------------------------------
    sc("negative-truncate-amount", "A starting token whose boto_truncate_amount is -1.",
       S_MULTI, cfg(start=botocore_token({"nextToken": "T1", "boto_truncate_amount": -1})),
       wrong="slices the first page from its end (a negative index) instead of failing",
       rejects="negative boto_truncate_amount"),
    sc("unknown-key-in-token", "A starting token whose JSON has a key besides nextToken and boto_truncate_amount.",
       S_MULTI, cfg(start=botocore_token({"nextToken": "T1", "foo": "bar"})),
       rejects="unknown key in starting token"),
    sc("token-json-is-list", "A starting token that is base64 of a JSON list: botocore sends it on as a raw token the server does not know.",
       S_MULTI, cfg(start=raw_base64('["T1", 2]')), rejects="starting token JSON is not an object"),
    sc("token-json-is-string", "A starting token that is base64 of a JSON string: botocore crashes before any request.",
       S_MULTI, cfg(start=raw_base64('"T1"')), rejects="starting token JSON is not an object"),
    sc("token-json-is-number", "The starting token NQ== is base64 of the JSON number 5: botocore crashes before any request.",
       S_BASE64_NUMBER, cfg(start="NQ=="), rejects="starting token JSON is not an object"),
    sc("truncate-amount-not-integer", "A starting token whose boto_truncate_amount is the string \"1\".",
       S_MULTI, cfg(start=botocore_token({"nextToken": "T1", "boto_truncate_amount": "1"})),
       rejects="boto_truncate_amount is not an integer"),
]


# ---------------------------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------------------------

def build_vectors():
    harness = BotocoreHarness()
    vectors, by_name = [], {}
    for scenario in SCENARIOS:
        name = scenario["name"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name), f"not kebab-case: {name}"
        assert name not in by_name, f"duplicate vector name: {name}"
        config = dict(scenario["config"])
        start = config["StartingToken"]
        if isinstance(start, tuple):
            earlier = by_name[start[1]]["botocore"]["nextToken"]
            assert earlier is not None, f"{name}: {start[1]} produced no NextToken to chain from"
            config["StartingToken"] = earlier
        server = scenario["server"]

        run = harness.run(server, config)
        try:
            truth = truth_items(server, config)
            rejects = None
        except Rejected as rejection:
            truth, rejects = [], str(rejection)
        if rejects != scenario["listerRejects"]:
            raise AssertionError(f"{name}: truth decoder says listerRejects={rejects!r}, "
                                 f"scenario says {scenario['listerRejects']!r}")
        wrong = scenario["botocoreWrong"]
        if rejects is None:
            if wrong is None and run["items"] != truth:
                raise AssertionError(f"{name}: botocore items {run['items']} != truth {truth}")
            if wrong is not None and run["items"] == truth:
                raise AssertionError(f"{name}: marked botocoreWrong but botocore items equal the truth {truth}")
        if run["loops"] and (wrong is None or "loop" not in wrong):
            raise AssertionError(f"{name}: botocore hit the request bound unexpectedly")

        vector = {
            "name": name,
            "description": scenario["description"],
            "server": server,
            "config": config,
            "botocore": run,
            "truth": {"items": truth},
            "resumesTo": harness.first_item_on_resume(server, config["PageSize"], run["nextToken"]),
            "botocoreWrong": wrong,
            "listerRejects": rejects,
        }
        vectors.append(vector)
        by_name[name] = vector
    return vectors


def main(argv):
    if len(argv) > 2:
        sys.exit(f"usage: {argv[0]} [output.json]")
    if botocore.__version__ != EXPECTED_BOTOCORE_VERSION:
        sys.exit(f"botocore {EXPECTED_BOTOCORE_VERSION} is required, found {botocore.__version__}")
    output = Path(argv[1]) if len(argv) == 2 else DEFAULT_OUTPUT
    vectors = build_vectors()
    document = {"botocoreVersion": botocore.__version__, "generatedBy": GENERATED_BY, "vectors": vectors}
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8", newline="\n") as out:
        json.dump(document, out, indent=1, ensure_ascii=False)
        out.write("\n")
    wrong = sum(1 for v in vectors if v["botocoreWrong"] is not None)
    rejects = sum(1 for v in vectors if v["listerRejects"] is not None)
    print(f"wrote {output}: {len(vectors)} vectors, {wrong} botocoreWrong, {rejects} listerRejects")


if __name__ == "__main__":
    main(sys.argv)
