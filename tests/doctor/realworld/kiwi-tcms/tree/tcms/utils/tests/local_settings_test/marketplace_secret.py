KIWI_MARKETPLACE = "newly-added-setting"
