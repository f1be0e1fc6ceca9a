# Varnish in front of gunicorn: keeps what the site marks public (guides, notices, the progress
# pages and open data: Cache-Control s-maxage, config/edge.py) and forgets a page when Wagtail
# purges it on publish (wagtail.contrib.frontend_cache, EDGE_CACHE_URL=http://127.0.0.1:6081).
# Varnish rather than nginx: Debian's nginx has no purge module (ngx_cache_purge is a third-party
# build), while PURGE is a few lines of VCL and Wagtail's HTTPBackend speaks it as it is.
# Started by platform/compose.yaml and platform/systemd/totechso-varnish.service.
vcl 4.1;

backend gunicorn {
    .host = "127.0.0.1";
    .port = "8000";
    .first_byte_timeout = 60s;
}

# Who may purge: the web and worker hosts (the publish request runs in gunicorn).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff and signed-in people have a session: always fresh pages from Django, never shared.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # The language is in the address (/vi/, /en/): one copy per page, whatever the browser asks.
    if (req.url ~ "^/(vi|en)/") {
        unset req.http.Accept-Language;
    }
    # Admin, API tokens, accounts, forms: never from the cache.
    if (req.url ~ "^/(admin|django-admin|accounts|api/v1/scoped|sms|healthz)" || req.http.Authorization) {
        return (pass);
    }
    # Anonymous readers' other cookies (csrftoken, language) change nothing on a public page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Only what Django marked public is kept (s-maxage sets the TTL); a Set-Cookie is never shared.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # A stale copy may be served for a minute while a fresh one is fetched.
    set beresp.grace = 60s;
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "hit";
    } else {
        set resp.http.X-Edge-Cache = "miss";
    }
}
