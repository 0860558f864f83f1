DEFAULT_ADDRESS = {
    "firstName": "John Saleor",
    "lastName": "Doe Mirumee",
    "companyName": "Saleor Commerce",
    "streetAddress1": "14208 Hawthorne Blvd",
    "streetAddress2": "",
    "postalCode": "90250",
    "country": "US",
    "city": "Hawthorne",
    "countryArea": "CA",
    "phone": "+12025550163",
}

DEFAULT_WAREHOUSE_ADDRESS = {
    "firstName": "Saleor",
    "lastName": "Mirumee",
    "companyName": "Mirumee Software",
    "streetAddress1": "2137 Cantebury Drive",
    "streetAddress2": "",
    "postalCode": "10013",
    "country": "US",
    "city": "New York",
    "countryArea": "NY",
    "phone": "+19179920814",
}

ADDRESS_DE = {
    "firstName": "John",
    "lastName": "Muller",
    "companyName": "Saleor Commerce DE",
    "streetAddress1": "Potsdamer Platz 47",
    "streetAddress2": "",
    "postalCode": "85131",
    "country": "DE",
    "city": "Pollenfeld",
    "phone": "+498421499469",
    "countryArea": "",
}
