"""Policy corpus: the five source documents turned into faithful, sectioned, cited text.

`build.build_corpus(seeds_dir, out_dir)` writes policy_corpus/ (see build.py for the format);
`sources.yml` holds each document's metadata and structure hints.
"""
