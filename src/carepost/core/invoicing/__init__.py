"""Money for retail (pharmacy) orders: totals with IVA, coupons, shipping; CFDI later."""
