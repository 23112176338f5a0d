<?php
$client->getBooleanValue("openfeature-php", false);
