"""Code samples displayed on the python.org homepage."""
