<?php
$client->variation("launchdarkly-php", false);
