lessc bootstrap/bootstrap.less ../static/css/bootstrap.css
