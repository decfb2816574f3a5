"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at ``/open311/v2/``: other
systems of the province (a city's app, a hotline's software) list the feedback services, read a
service's definition, post a phản ánh or kiến nghị and follow it, in JSON and in XML.

A service is one category of Decree 20/2008 Art. 5 at one agency that receives feedback; a
service request is a ``FeedbackItem`` registered through ``feedback_receive`` (channel
``open311``), with Art. 7's name, address and phone still required. What is read back is only
what the public page shows: never the sender's name, address, phone, e-mail or identity number,
the sender's text only as the moderated ``published_content`` and the answer only as the
moderated ``published_answer``.
"""
