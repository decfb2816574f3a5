"""Online payment of fees and charges (thanh toán phí, lệ phí trực tuyến).

``gateway`` is the interface every payment gateway implements (and the HMAC-SHA256 signature
shared by the sandbox), ``sandbox`` the gateway that runs inside the project, ``services`` the
writes (start a payment, handle the gateway's signed callback, expire, refund), ``selectors``
the scoped reads, ``receipts`` the electronic receipt (biên lai điện tử) and ``jobs`` the
periodic expiry. See docs/payments.md.
"""
