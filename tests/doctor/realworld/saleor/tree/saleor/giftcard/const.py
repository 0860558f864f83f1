GIFT_CARD_PAYMENT_GATEWAY_ID = "saleor.io.gift-card-payment-gateway"
GIFT_CARD_PAYMENT_GATEWAY_NAME = "Gift Card Payment Gateway"
SALEOR_GIFT_CARD_PAYMENT_METHOD_NAME = "Saleor Gift Card"
SALEOR_GIFT_CARD_BRAND = "Saleor"
