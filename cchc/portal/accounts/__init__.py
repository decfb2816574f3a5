"""Citizen accounts of the portal: sign-up, sign-in by e-mail or phone, the account page
(profile, notification channels), export of one's own data and account closure."""
