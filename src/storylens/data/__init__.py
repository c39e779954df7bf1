"""Package data: the place gazetteer (``places.json``) and the organisation list (``orgs.json``)."""
