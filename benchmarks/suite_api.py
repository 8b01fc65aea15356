"""Calling a running ./suite's API from the benchmarks (standard library only)."""
import json
import uuid
import time
import urllib.error
import urllib.parse
import urllib.request


def call(method, url, token=None, body=None, form=None, if_match=None):
    headers = {}
    if if_match is not None:
        headers["If-Match"] = if_match
    data = None
    if body is not None:
        # bytes: a JSON body written before the clock started
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            payload = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        payload = error.read()
        status = error.code
    elapsed = time.perf_counter() - started
    return status, (json.loads(payload) if payload else None), elapsed


def token(endpoint, client_id, secret):
    status, body, _ = call("POST", endpoint, form={"grant_type": "client_credentials", "client_id": client_id,
                                                   "client_secret": secret})
    assert status == 200, body
    return body["access_token"]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def onboard_partner(gateway, admin, territories):
    """A benchmark partner applied and approved through the gateway: (slug, id, (client id, secret))."""
    _, agreement, _ = call("GET", gateway + "/api/v1/applications/agreement")
    slug = "bench-" + uuid.uuid4().hex[:8]
    status, applied, _ = call("POST", gateway + "/api/v1/applications", body={
        "legalName": "Benchmark Media", "displayName": "Benchmark", "slug": slug, "category": "NEWS",
        "territories": territories, "languages": ["en"], "contactEmail": "bench@bench.example",
        "website": "https://bench.example", "agreementVersion": agreement["version"]})
    assert status == 201, applied
    _, approval, _ = call("POST", gateway + "/api/v1/partners/%s/approve" % applied["id"], admin, body={})
    return slug, applied["id"], (approval["clientId"], approval["clientSecret"])


def approved_item(gateway, admin, partner, item):
    """A partner's content item created, submitted and approved (naming the version reviewed): its id."""
    status, created, _ = call("POST", gateway + "/api/v1/content", partner, body=item)
    assert status == 201, created
    _, submitted, _ = call("POST", gateway + "/api/v1/content/%s/submit" % created["id"], partner)
    status, approved, _ = call("POST", gateway + "/api/v1/content/%s/approve" % created["id"], admin,
                               if_match='"%d"' % submitted["version"])
    assert status == 200, approved
    return created["id"]
