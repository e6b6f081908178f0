"""FHIR R4: every flow's orders as standard resources (docs/fhir.md). Each flow declares its
sources (`FlowSpec.fhir`, core/<flow>/fhir.py); this package searches and reads them."""
