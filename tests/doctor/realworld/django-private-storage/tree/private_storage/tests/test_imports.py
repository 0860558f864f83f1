# Most pathetic test case ever, see if all files are importable.
import private_storage
import private_storage.appconfig
import private_storage.fields
import private_storage.models
import private_storage.permissions
import private_storage.servers
import private_storage.storage.files
import private_storage.storage.s3boto3
import private_storage.urls
import private_storage.views
