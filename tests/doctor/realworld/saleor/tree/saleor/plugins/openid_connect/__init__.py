PLUGIN_ID = "mirumee.authentication.openidconnect"
