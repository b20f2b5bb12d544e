"""Service: the pipeline that ties the stages together, the FastAPI app, the web page and the CLI."""
