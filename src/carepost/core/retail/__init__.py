"""Retail (pharmacy) orders' world: priced products, payment methods, shipping methods, stores, coupons."""
