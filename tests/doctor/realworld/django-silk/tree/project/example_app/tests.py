# Create your tests here.
