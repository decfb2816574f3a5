"""Wait until an HTTP server answers (any status) on 127.0.0.1:PORT; exit 1 after 30 s."""

import sys
import time
import urllib.error
import urllib.request

port = sys.argv[1]
for _ in range(300):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
        sys.exit(0)
    except urllib.error.HTTPError:
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(f"nothing answers on port {port}")
