"""The applicant's side of online payment (thanh toán phí, lệ phí trực tuyến): start a payment,
come back from the gateway, the gateway's callback endpoint and the electronic receipt (biên lai
điện tử, ``receipts``). The payments themselves — gateway interface, sandbox, services,
selectors, expiry job — live beside the Payment model in ``cchc.dossiers.payments``. See
docs/payments.md.
"""
