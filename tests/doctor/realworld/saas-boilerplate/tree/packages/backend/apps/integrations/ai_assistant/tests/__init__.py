# AI Assistant tests module
