__author__ = 'ogre'
