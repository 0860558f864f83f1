# AI Assistant module
# Provides MCP proxy endpoint for AI-powered data queries
