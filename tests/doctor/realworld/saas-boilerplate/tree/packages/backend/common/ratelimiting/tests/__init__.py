# Rate limiting tests
