from .converters import clean_editorjs, editorjs_to_text, parse_editorjs

__all__ = ("clean_editorjs", "parse_editorjs", "editorjs_to_text")
