"""No public form or webhook takes a file: a body with a file part is refused.

DATA_UPLOAD_MAX_MEMORY_SIZE (256 KB) caps a body's fields but not its files, which
Django streams to memory or disk. This handler (the only one, FILE_UPLOAD_HANDLERS)
stops at the first file part, before reading it, and the request answers 400.
"""

from django.core.exceptions import SuspiciousMultipartForm
from django.core.files.uploadhandler import FileUploadHandler


class RefuseFileUploads(FileUploadHandler):
    def new_file(self, *args, **kwargs):
        raise SuspiciousMultipartForm("File uploads are not accepted.")

    def receive_data_chunk(self, raw_data, start):  # never reached: new_file refuses
        return None

    def file_complete(self, file_size):
        return None
