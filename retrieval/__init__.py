"""Retrieval: embeddings, Chroma + keyword index, hybrid search, answers with citations."""
