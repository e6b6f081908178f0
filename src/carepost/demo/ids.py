"""The ids a fresh demo gives its test-mode things, named once: the OpenAPI document's examples
use them, so "Try it out" works as sent against `bin/demo` (tests/e2e/test_demo.py checks a
fresh demo has them). They follow from src/carepost/demo/tenant.yaml: its cases' ids are
written there; the rest are numbered in the file's order."""

DEMO_TEST_CASE = "9b2f6a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b"  # Cloudview Telehealth's test case
DEMO_TEST_PATIENT = 3  # Northwind's test patient (devices)
DEMO_KIT = 1  # the remote monitoring starter kit (devices)
DEMO_PRODUCT = 6  # Paracetamol 500 mg (pharmacy)
DEMO_PAYMENT_METHOD = 1  # Farmacia Centro's credit (pharmacy)
