"""Online payments of dossier fees: the gateway interface, its sandbox, the services that
apply a gateway's result and the selectors officers and applicants read them through."""
