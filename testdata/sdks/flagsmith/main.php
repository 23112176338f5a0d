<?php
$client->isFeatureEnabled("flagsmith-php", false);
